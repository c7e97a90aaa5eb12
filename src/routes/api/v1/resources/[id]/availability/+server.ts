import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/runtime';
import { invalidInput } from '$lib/server/api/handler';
import { publicEndpoint } from '$lib/server/app/api';
import { NotFoundError } from '$lib/server/errors';
import { getAvailability } from '$lib/server/testbed/availability';
import { findResourceById } from '$lib/server/testbed/repository';
import { availabilityQuery, idParam } from '$lib/server/testbed/schemas';
import { availabilityJson } from '$lib/server/testbed/api-shapes';

export const GET: RequestHandler = publicEndpoint(async ({ params, url }) => {
	const id = idParam.safeParse(params.id);
	if (!id.success) throw new NotFoundError();
	const query = availabilityQuery.safeParse(Object.fromEntries(url.searchParams));
	if (!query.success) return invalidInput(query.error.issues);
	const db = getDb();
	const resource = await findResourceById(db, id.data);
	if (!resource || !resource.active) throw new NotFoundError();
	const [availability] = await getAvailability(db, [resource], query.data.from, query.data.to);
	return json(availabilityJson(availability, query.data.from, query.data.to));
});
