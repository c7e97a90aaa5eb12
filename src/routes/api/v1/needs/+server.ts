import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/runtime';
import { invalidInput } from '$lib/server/api/handler';
import { authenticated } from '$lib/server/app/api';
import { searchParamsToObject } from '$lib/server/directory/schemas';
import { listNeeds, todayInSeoul } from '$lib/server/needs/repository';
import { needsQuerySchema } from '$lib/server/needs/schemas';
import { needSummaryJson } from '$lib/server/needs/api-shapes';

export const GET: RequestHandler = authenticated(async ({ url }, user) => {
	const query = needsQuerySchema.safeParse(searchParamsToObject(url.searchParams));
	if (!query.success) return invalidInput(query.error.issues);
	const result = await listNeeds(getDb(), user, query.data, todayInSeoul());
	return json({ needs: result.needs.map(needSummaryJson), total: result.total, page: query.data.page });
});
