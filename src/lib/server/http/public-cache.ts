// A small shared cache, in this process, for the pages anonymous visitors read (the home page, the
// directory, the catalogue…). Every anonymous visitor of one address in one language gets the same
// page, so rendering it once every few seconds instead of once per request is what a CDN's
// micro-cache would do, without a CDN. It follows HTTP's shared-cache rules, narrowed:
// - only a response the app marked `Cache-Control: public, …, s-maxage=N` is kept, for N seconds
//   (see public-pages.ts for which pages are marked, and why never for a signed-in reader);
// - only GET and HEAD, only requests that carry no cookie but the language one and no Authorization
//   header (a session cookie, even an expired one, always goes to the app);
// - the key is the host, the whole URL, the Accept-Language header and the language cookie (what
//   the page's `Vary` names), so a Korean and an English reader never share an entry;
// - bounded by entries and bytes, least recently used first out.
// A hit is answered before SvelteKit (no hooks, no request object): a fresh request id and date, the
// stored status, headers and body, and `Age`; If-None-Match on the stored ETag answers 304.
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';

export type PublicCacheOptions = {
	/** Only this cookie may be on a request served from the cache (the language cookie). */
	allowedCookie: string;
	maxEntries?: number;
	maxBytes?: number;
	/** Larger bodies are not kept. */
	maxEntryBytes?: number;
	now?: () => number;
};

type Entry = {
	status: number;
	headers: OutgoingHttpHeaders;
	body: Buffer;
	etag: string | undefined;
	storedAt: number;
	expiresAt: number;
};

const S_MAXAGE = /(?:^|,)\s*s-maxage=(\d+)/i;
const PUBLIC = /(?:^|,)\s*public\s*(?:,|$)/i;
const NO_STORE = /(?:^|,)\s*(?:no-store|private)\s*(?:,|$)/i;
const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;
/** Headers that belong to one exchange, never replayed from the cache. */
const PER_EXCHANGE = new Set(['date', 'x-request-id', 'connection', 'keep-alive', 'transfer-encoding']);

/** Seconds a response may be kept by a shared cache, or 0 when it may not be kept. */
export function sharedMaxAge(cacheControl: string | undefined): number {
	if (!cacheControl || !PUBLIC.test(cacheControl) || NO_STORE.test(cacheControl)) return 0;
	const match = S_MAXAGE.exec(cacheControl);
	return match ? Number(match[1]) : 0;
}

/** True when the Cookie header carries nothing but `allowed` (or no cookie at all). */
export function onlyCookie(header: string | undefined, allowed: string): boolean {
	if (!header) return true;
	for (const part of header.split(';')) {
		const name = part.split('=', 1)[0].trim();
		if (name && name !== allowed) return false;
	}
	return true;
}

function cookieValue(header: string | undefined, name: string): string {
	if (!header) return '';
	for (const part of header.split(';')) {
		const [key, ...rest] = part.split('=');
		if (key.trim() === name) return rest.join('=').trim();
	}
	return '';
}

export function createPublicCache(options: PublicCacheOptions) {
	const maxEntries = options.maxEntries ?? 500;
	const maxBytes = options.maxBytes ?? 32 * 1024 * 1024;
	const maxEntryBytes = options.maxEntryBytes ?? 1024 * 1024;
	const now = options.now ?? Date.now;
	// Map keeps insertion order: re-inserting on a hit makes the first key the least recently used.
	const entries = new Map<string, Entry>();
	let bytes = 0;
	const stats = { hits: 0, misses: 0, stored: 0 };

	/** The entry key of a request that may be answered from the cache, or undefined. */
	function keyOf(req: IncomingMessage): string | undefined {
		if (req.method !== 'GET' && req.method !== 'HEAD') return undefined;
		if (req.headers.authorization) return undefined;
		const cookie = req.headers.cookie;
		if (!onlyCookie(cookie, options.allowedCookie)) return undefined;
		const language = req.headers['accept-language'] ?? '';
		return `${req.headers.host ?? ''}\n${req.url ?? ''}\n${language}\n${cookieValue(cookie, options.allowedCookie)}`;
	}

	function remove(key: string) {
		const entry = entries.get(key);
		if (!entry) return;
		entries.delete(key);
		bytes -= entry.body.length;
	}

	function store(key: string, entry: Entry) {
		remove(key);
		entries.set(key, entry);
		bytes += entry.body.length;
		stats.stored++;
		for (const oldest of entries.keys()) {
			if (entries.size <= maxEntries && bytes <= maxBytes) break;
			remove(oldest);
		}
	}

	function fresh(key: string): Entry | undefined {
		const entry = entries.get(key);
		if (!entry) return undefined;
		if (entry.expiresAt <= now()) {
			remove(key);
			return undefined;
		}
		entries.delete(key);
		entries.set(key, entry);
		return entry;
	}

	function answer(req: IncomingMessage, res: ServerResponse, entry: Entry) {
		const incoming = req.headers['x-request-id'];
		const requestId = typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
		// Age (RFC 9111): how long ago the stored answer was made; it also tells a reader this was a hit.
		const age = String(Math.max(0, Math.floor((now() - entry.storedAt) / 1000)));
		const headers: OutgoingHttpHeaders = { ...entry.headers, age, 'x-request-id': requestId };
		if (entry.etag && req.headers['if-none-match'] === entry.etag) {
			delete headers['content-length'];
			delete headers['content-type'];
			res.writeHead(304, headers);
			res.end();
			return;
		}
		res.writeHead(entry.status, headers);
		res.end(req.method === 'HEAD' ? undefined : entry.body);
	}

	/** Watches the app's answer; keeps it when it is marked for shared caching and small enough. */
	function capture(res: ServerResponse, key: string) {
		const chunks: Buffer[] = [];
		let size = 0;
		let keep: boolean | undefined;
		let status = 200;
		let expiresAt = 0;
		const writeHead = res.writeHead;
		const write = res.write;
		const end = res.end;
		const decide = () => {
			if (keep !== undefined) return;
			status = res.statusCode;
			const seconds = sharedMaxAge(res.getHeader('cache-control')?.toString());
			keep = status === 200 && seconds > 0;
			expiresAt = now() + seconds * 1000;
		};
		const take = (chunk: unknown, encoding?: unknown) => {
			if (!keep || chunk === undefined || chunk === null || typeof chunk === 'function') return;
			const buffer = Buffer.isBuffer(chunk)
				? chunk
				: chunk instanceof Uint8Array
					? Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength)
					: Buffer.from(String(chunk), typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8');
			size += buffer.length;
			if (size > maxEntryBytes) {
				keep = false;
				chunks.length = 0;
			} else chunks.push(Buffer.from(buffer));
		};
		res.writeHead = function (this: ServerResponse, ...args: Parameters<ServerResponse['writeHead']>) {
			const result = writeHead.apply(this, args);
			decide();
			return result;
		} as ServerResponse['writeHead'];
		res.write = function (this: ServerResponse, chunk: unknown, ...rest: unknown[]) {
			decide();
			take(chunk, rest[0]);
			return (write as (...a: unknown[]) => boolean).call(this, chunk, ...rest);
		} as ServerResponse['write'];
		res.end = function (this: ServerResponse, chunk?: unknown, ...rest: unknown[]) {
			decide();
			take(chunk, rest[0]);
			if (keep) {
				const headers = { ...res.getHeaders() };
				for (const name of PER_EXCHANGE) delete headers[name];
				const etag = headers.etag?.toString();
				store(key, { status, headers, body: Buffer.concat(chunks), etag, storedAt: now(), expiresAt });
			}
			return (end as (...a: unknown[]) => ServerResponse).call(this, chunk, ...rest);
		} as ServerResponse['end'];
	}

	return {
		/**
		 * Answers the request from the cache, or passes it to `next` (watching the answer when it may
		 * be kept). HEAD is answered only from an entry a GET stored.
		 */
		handle(req: IncomingMessage, res: ServerResponse, next: () => void): void {
			const key = keyOf(req);
			if (key === undefined) return next();
			const entry = fresh(key);
			if (entry) {
				stats.hits++;
				return answer(req, res, entry);
			}
			stats.misses++;
			if (req.method === 'GET') capture(res, key);
			next();
		},
		/** Drops every entry (used by tests; nothing in the app needs it: entries live seconds). */
		clear() {
			entries.clear();
			bytes = 0;
		},
		stats: () => ({ ...stats, entries: entries.size, bytes })
	};
}

export type PublicCache = ReturnType<typeof createPublicCache>;
