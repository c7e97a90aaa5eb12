import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/runtime';
import { authenticated } from '$lib/server/app/api';
import { requestContext } from '$lib/server/http/context';
import { NotFoundError } from '$lib/server/errors';
import { cancelEnrolment } from '$lib/server/courses/service';
import { idParam } from '$lib/server/courses/schemas';

/** Cancels (the trainee, or a course manager); a seat that opens is offered to the head of the queue. */
export const DELETE: RequestHandler = authenticated(async (event, user) => {
	const id = idParam.safeParse(event.params.id);
	if (!id.success) throw new NotFoundError();
	const e = await cancelEnrolment(getDb(), user, id.data, requestContext(event));
	return json({
		id: e.id,
		cohortId: e.cohort_id,
		status: e.status,
		position: e.position,
		offerExpiresAt: e.offer_expires_at?.toISOString() ?? null
	});
});
