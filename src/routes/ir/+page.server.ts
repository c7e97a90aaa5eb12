import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { listTerms } from '$lib/server/directory/taxonomy-repository';
import { searchParamsToObject } from '$lib/server/directory/schemas';
import { listEvents, PAGE_SIZE } from '$lib/server/ir/repository';
import { eventsQuerySchema } from '$lib/server/ir/schemas';
import { listSchedulableStartups } from '$lib/server/ir/service';

// Visitors see open sessions as teasers; members see the sessions they may attend or run.
export const load = (async (event) => {
	const db = getDb();
	const user = event.locals.user;
	const parsed = eventsQuerySchema.safeParse(searchParamsToObject(event.url.searchParams));
	const query = parsed.success
		? parsed.data
		: eventsQuerySchema.parse({ tab: event.url.searchParams.get('tab') === 'past' ? 'past' : 'upcoming' });
	const [result, fields, startups] = await Promise.all([
		listEvents(db, user, query, new Date(), event.locals.timeZone),
		listTerms(db, 'field'),
		user ? listSchedulableStartups(db, user) : Promise.resolve([])
	]);
	return {
		query,
		invalidQuery: !parsed.success,
		events: result.events,
		total: result.total,
		pages: Math.max(1, Math.ceil(result.total / PAGE_SIZE)),
		fields,
		canSchedule: startups.length > 0,
		signedIn: user !== null
	};
}) satisfies PageServerLoad;
