import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/runtime';
import { authenticated } from '$lib/server/app/api';
import { NotFoundError } from '$lib/server/errors';
import { idParam } from '$lib/server/ir/schemas';
import { readReplay } from '$lib/server/ir/recording/replay';
import { recordingJson } from '$lib/server/ir/recording/api-shapes';

// Metadata, status and chapters of a session's recordings; 404 for anybody who may not watch them.
export const GET: RequestHandler = authenticated(async (event, user) => {
	const id = idParam.safeParse(event.params.id);
	if (!id.success) throw new NotFoundError();
	const replay = await readReplay(getDb(), user, id.data);
	return json(recordingJson(id.data, replay.recordings));
});
