// The replay's file and chapters as HTTP: one handler for the page's routes and the API. Signed-out
// people, strangers and anybody who may not watch get the same bare 404 as a missing recording.
import type { RequestEvent } from '@sveltejs/kit';
import { NotFoundError } from '../../errors';
import { getDb, getRuntime } from '../../runtime';
import { recordingStore } from '../../storage';
import { chaptersVtt } from './chapters';
import { mediaResponse } from './media-response';
import { requireWatchable } from './replay';
import { recordingParams } from './schemas';

const notFound = () =>
	new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });

async function watchable(event: RequestEvent) {
	const user = event.locals.user;
	const params = recordingParams.safeParse(event.params);
	if (!user || !params.success) return undefined;
	return requireWatchable(getDb(), user, params.data.id, params.data.recordingId).catch((error) => {
		if (error instanceof NotFoundError) return undefined;
		throw error;
	});
}

export async function serveRecordingMedia(event: RequestEvent): Promise<Response> {
	const found = await watchable(event);
	if (!found) return notFound();
	const method = event.request.method === 'HEAD' ? 'HEAD' : 'GET';
	return mediaResponse(
		recordingStore(getRuntime().config),
		found.row.storage_key,
		found.row.mime_type ?? 'application/octet-stream',
		event.request.headers.get('range'),
		method
	);
}

export async function serveRecordingChapters(event: RequestEvent): Promise<Response> {
	const found = await watchable(event);
	if (!found) return notFound();
	return new Response(chaptersVtt(found.chapters), {
		headers: { 'content-type': 'text/vtt; charset=utf-8', 'cache-control': 'private, no-store' }
	});
}
