// A message in the request's thread.
import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/runtime';
import { invalidInput } from '$lib/server/api/handler';
import { authenticated } from '$lib/server/app/api';
import { requestContext } from '$lib/server/http/context';
import { readJson } from '$lib/server/common/read-json';
import { NotFoundError } from '$lib/server/errors';
import { postMessage } from '$lib/server/testservices/progress';
import { idParam, messageBody } from '$lib/server/testservices/schemas';

export const POST: RequestHandler = authenticated(async (event, user) => {
	const id = idParam.safeParse(event.params.id);
	if (!id.success) throw new NotFoundError();
	const body = messageBody.safeParse(await readJson(event.request));
	if (!body.success) return invalidInput(body.error.issues);
	const message = await postMessage(getDb(), user, id.data, body.data.body, requestContext(event));
	return json({ id: message.id, createdAt: message.created_at.toISOString() }, { status: 201 });
});
