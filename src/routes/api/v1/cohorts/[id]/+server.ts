import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/runtime';
import { publicEndpoint } from '$lib/server/app/api';
import { NotFoundError } from '$lib/server/errors';
import { listMeetings } from '$lib/server/courses/catalogue';
import { countSeats, findCohort } from '$lib/server/courses/repository';
import { cohortJson } from '$lib/server/courses/api-shapes';
import { idParam } from '$lib/server/courses/schemas';

export const GET: RequestHandler = publicEndpoint(async ({ params }) => {
	const db = getDb();
	const id = idParam.safeParse(params.id);
	const cohort = id.success ? await findCohort(db, id.data) : undefined;
	if (!cohort || !cohort.published) throw new NotFoundError();
	const [seats, meetings] = await Promise.all([countSeats(db, cohort.id), listMeetings(db, [cohort.id])]);
	return json(cohortJson(cohort, seats, meetings));
});
