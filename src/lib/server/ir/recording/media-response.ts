// The replay's bytes as an HTTP response with Range support (206 + Content-Range, 416 past the end),
// streamed from the store. Private: the browser may cache it but no shared cache may.
import { Readable } from 'node:stream';
import type { FileStore } from '../../storage';
import { parseRange } from '../../storage/range';

export async function mediaResponse(
	store: FileStore,
	key: string,
	mimeType: string,
	rangeHeader: string | null,
	method: 'GET' | 'HEAD' = 'GET'
): Promise<Response> {
	const object = await store.stat(key);
	if (!object) return new Response(null, { status: 404 });
	const headers: Record<string, string> = {
		'content-type': mimeType,
		'accept-ranges': 'bytes',
		'cache-control': 'private, max-age=0, must-revalidate',
		'x-content-type-options': 'nosniff'
	};
	const wanted = parseRange(rangeHeader, object.size);
	if (wanted.kind === 'unsatisfiable')
		return new Response(null, { status: 416, headers: { ...headers, 'content-range': `bytes */${object.size}` } });
	const range =
		wanted.kind === 'partial' ? wanted.range : object.size > 0 ? { start: 0, end: object.size - 1 } : undefined;
	const length = range ? range.end - range.start + 1 : 0;
	headers['content-length'] = String(length);
	if (wanted.kind === 'partial')
		headers['content-range'] = `bytes ${wanted.range.start}-${wanted.range.end}/${object.size}`;
	const status = wanted.kind === 'partial' ? 206 : 200;
	if (method === 'HEAD' || !range) return new Response(null, { status, headers });
	const body = Readable.toWeb(store.read(key, range)) as ReadableStream<Uint8Array>;
	return new Response(body, { status, headers });
}
