import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/runtime';
import { invalidInput } from '$lib/server/api/handler';
import { authenticated } from '$lib/server/app/api';
import { NotFoundError } from '$lib/server/errors';
import { idParam } from '$lib/server/ir/schemas';
import { beatBody } from '$lib/server/ir/deck/schemas';
import { recordBeat } from '$lib/server/ir/deck/service';
import { readJson } from '$lib/server/common/read-json';

// The deck viewer's heartbeats and page-leave beacons; the server caps what each beat may add.
export const POST: RequestHandler = authenticated(async (event, user) => {
	const id = idParam.safeParse(event.params.id);
	if (!id.success) throw new NotFoundError();
	// sendBeacon posts text/plain; the body is JSON all the same.
	const body = beatBody.safeParse(await readJson(event.request));
	if (!body.success) return invalidInput(body.error.issues);
	return json(await recordBeat(getDb(), user, id.data, body.data));
});
