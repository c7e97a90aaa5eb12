// The requesting organisation admin's decision on the quote.
import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/runtime';
import { invalidInput } from '$lib/server/api/handler';
import { authenticated } from '$lib/server/app/api';
import { requestContext } from '$lib/server/http/context';
import { readJson } from '$lib/server/common/read-json';
import { NotFoundError } from '$lib/server/errors';
import { decideQuote } from '$lib/server/testservices/service';
import { requestJson } from '$lib/server/testservices/api-shapes';
import { idParam, decisionBody } from '$lib/server/testservices/schemas';

export const POST: RequestHandler = authenticated(async (event, user) => {
	const id = idParam.safeParse(event.params.id);
	if (!id.success) throw new NotFoundError();
	const body = decisionBody.safeParse(await readJson(event.request));
	if (!body.success) return invalidInput(body.error.issues);
	return json(requestJson(await decideQuote(getDb(), user, id.data, body.data.decision, requestContext(event))));
});
