// The facility's next step: samples received (starts the due date) or test started.
import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/runtime';
import { invalidInput } from '$lib/server/api/handler';
import { authenticated } from '$lib/server/app/api';
import { requestContext } from '$lib/server/http/context';
import { readJson } from '$lib/server/common/read-json';
import { NotFoundError } from '$lib/server/errors';
import { advance } from '$lib/server/testservices/progress';
import { requestJson } from '$lib/server/testservices/api-shapes';
import { idParam, progressBody } from '$lib/server/testservices/schemas';

export const POST: RequestHandler = authenticated(async (event, user) => {
	const id = idParam.safeParse(event.params.id);
	if (!id.success) throw new NotFoundError();
	const body = progressBody.safeParse(await readJson(event.request));
	if (!body.success) return invalidInput(body.error.issues);
	return json(requestJson(await advance(getDb(), user, id.data, body.data.step, requestContext(event))));
});
