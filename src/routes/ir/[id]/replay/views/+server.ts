import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/runtime';
import { invalidInput } from '$lib/server/api/handler';
import { authenticated } from '$lib/server/app/api';
import { NotFoundError } from '$lib/server/errors';
import { idParam } from '$lib/server/ir/schemas';
import { reportReplayWatch, startReplayView } from '$lib/server/ir/recording/replay';
import { viewBody } from '$lib/server/ir/recording/schemas';

// The replay player counts a view when it starts playing, then reports the seconds it has played.
export const POST: RequestHandler = authenticated(async (event, user) => {
	const id = idParam.safeParse(event.params.id);
	if (!id.success) throw new NotFoundError();
	const body = viewBody.safeParse(await event.request.json().catch(() => null));
	if (!body.success) return invalidInput(body.error.issues);
	if ('recordingId' in body.data)
		return json({ viewId: await startReplayView(getDb(), user, id.data, body.data.recordingId) }, { status: 201 });
	await reportReplayWatch(getDb(), user, body.data.viewId, body.data.watchedSeconds);
	return new Response(null, { status: 204 });
});
