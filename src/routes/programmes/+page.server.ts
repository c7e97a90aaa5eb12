import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { listManagedAgencies } from '$lib/server/programmes/access';
import { listCallFields, listCallRegions, listCalls, type CallFilter } from '$lib/server/programmes/repository';
import { listQuerySchema } from '$lib/server/programmes/schemas';

export const load = (async ({ url, locals }) => {
	const db = getDb();
	const parsed = listQuerySchema.safeParse(Object.fromEntries(url.searchParams));
	const query: CallFilter = parsed.success ? parsed.data : {};
	const [calls, fields, regions, agencies] = await Promise.all([
		listCalls(db, query),
		listCallFields(db),
		listCallRegions(db),
		locals.user ? listManagedAgencies(db, locals.user) : Promise.resolve([])
	]);
	return {
		calls,
		fields,
		regions,
		query: { field: query.field ?? '', region: query.region ?? '' },
		canPost: agencies.length > 0,
		invalidQuery: !parsed.success
	};
}) satisfies PageServerLoad;
