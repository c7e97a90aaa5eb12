import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/runtime';
import { invalidInput } from '$lib/server/api/handler';
import { publicEndpoint } from '$lib/server/app/api';
import { searchParamsToObject } from '$lib/server/directory/schemas';
import { listEvents } from '$lib/server/ir/repository';
import { eventsQuerySchema } from '$lib/server/ir/schemas';
import { eventSummaryJson } from '$lib/server/ir/api-shapes';

export const GET: RequestHandler = publicEndpoint(async (event, user) => {
	const query = eventsQuerySchema.safeParse(searchParamsToObject(event.url.searchParams));
	if (!query.success) return invalidInput(query.error.issues);
	const result = await listEvents(getDb(), user, query.data, new Date(), event.locals.timeZone);
	return json({ events: result.events.map(eventSummaryJson), total: result.total, page: query.data.page });
});
