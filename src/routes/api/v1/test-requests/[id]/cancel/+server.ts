// Cancelling a request (the requesting side) or declining it (the facility), with an optional reason.
import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/runtime';
import { invalidInput } from '$lib/server/api/handler';
import { authenticated } from '$lib/server/app/api';
import { requestContext } from '$lib/server/http/context';
import { readJson } from '$lib/server/common/read-json';
import { NotFoundError } from '$lib/server/errors';
import { cancelRequest } from '$lib/server/testservices/cancel';
import { requestJson } from '$lib/server/testservices/api-shapes';
import { cancelBody, idParam } from '$lib/server/testservices/schemas';

export const POST: RequestHandler = authenticated(async (event, user) => {
	const id = idParam.safeParse(event.params.id);
	if (!id.success) throw new NotFoundError();
	// The body is optional: no reason given.
	const body = cancelBody.safeParse((await readJson(event.request)) ?? {});
	if (!body.success) return invalidInput(body.error.issues);
	return json(requestJson(await cancelRequest(getDb(), user, id.data, body.data.reason, requestContext(event))));
});
