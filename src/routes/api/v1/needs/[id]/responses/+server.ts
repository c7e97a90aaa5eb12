import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/runtime';
import { invalidInput } from '$lib/server/api/handler';
import { authenticated } from '$lib/server/app/api';
import { requestContext } from '$lib/server/http/context';
import { NotFoundError } from '$lib/server/errors';
import { respondToNeed } from '$lib/server/needs/service';
import { idParam, respondSchema } from '$lib/server/needs/schemas';
import { responseJson } from '$lib/server/needs/api-shapes';
import { readJson } from '$lib/server/common/read-json';

export const POST: RequestHandler = authenticated(async (event, user) => {
	const id = idParam.safeParse(event.params.id);
	if (!id.success) throw new NotFoundError();
	const body = respondSchema.safeParse(await readJson(event.request));
	if (!body.success) return invalidInput(body.error.issues);
	const response = await respondToNeed(getDb(), user, id.data, body.data, requestContext(event));
	return json(responseJson(response), {
		status: 201,
		headers: { location: `/needs/${id.data}/responses/${response.id}` }
	});
});
