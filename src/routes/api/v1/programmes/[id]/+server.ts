import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/runtime';
import { publicEndpoint } from '$lib/server/app/api';
import { NotFoundError } from '$lib/server/errors';
import { callJson } from '$lib/server/programmes/api-shapes';
import { readCall } from '$lib/server/programmes/call-view';
import { idParam } from '$lib/server/programmes/schemas';

export const GET: RequestHandler = publicEndpoint(async ({ params }) => {
	const id = idParam.safeParse(params.id);
	if (!id.success) throw new NotFoundError();
	return json(callJson(await readCall(getDb(), id.data)));
});
