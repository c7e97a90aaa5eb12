import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/runtime';
import { authenticated } from '$lib/server/app/api';
import { requestContext } from '$lib/server/http/context';
import { NotFoundError } from '$lib/server/errors';
import { enrol } from '$lib/server/courses/service';
import { idParam } from '$lib/server/courses/schemas';

/** Enrols the caller: 201 with `enrolled`, or `waitlisted` and the position in the queue. */
export const POST: RequestHandler = authenticated(async (event, user) => {
	const id = idParam.safeParse(event.params.id);
	if (!id.success) throw new NotFoundError();
	const result = await enrol(getDb(), user, id.data, requestContext(event));
	const body =
		result.status === 'waitlisted'
			? { id: result.id, status: result.status, position: result.position! }
			: { id: result.id, status: result.status };
	return json(body, { status: 201, headers: { location: `/api/v1/enrolments/${result.id}` } });
});
