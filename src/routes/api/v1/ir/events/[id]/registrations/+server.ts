import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/runtime';
import { invalidInput } from '$lib/server/api/handler';
import { authenticated } from '$lib/server/app/api';
import { requestContext } from '$lib/server/http/context';
import { NotFoundError } from '$lib/server/errors';
import { registerForEvent } from '$lib/server/ir/registration';
import { idParam, registerBodySchema } from '$lib/server/ir/schemas';
import { registrationJson } from '$lib/server/ir/api-shapes';
import { readJson } from '$lib/server/common/read-json';

export const POST: RequestHandler = authenticated(async (event, user) => {
	const id = idParam.safeParse(event.params.id);
	if (!id.success) throw new NotFoundError();
	const body = registerBodySchema.safeParse(await readJson(event.request));
	if (!body.success) return invalidInput(body.error.issues);
	const { registration, created } = await registerForEvent(
		getDb(),
		user,
		id.data,
		body.data.ndaVersion ?? null,
		requestContext(event)
	);
	return json(registrationJson(registration, created), {
		status: created ? 201 : 200,
		headers: { location: `/ir/${id.data}` }
	});
});
