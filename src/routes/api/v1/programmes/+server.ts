import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/runtime';
import { invalidInput } from '$lib/server/api/handler';
import { publicEndpoint } from '$lib/server/app/api';
import { callSummaryJson } from '$lib/server/programmes/api-shapes';
import { listCalls } from '$lib/server/programmes/repository';
import { listQuerySchema } from '$lib/server/programmes/schemas';

export const GET: RequestHandler = publicEndpoint(async ({ url }) => {
	const query = listQuerySchema.safeParse(Object.fromEntries(url.searchParams));
	if (!query.success) return invalidInput(query.error.issues);
	return json({ calls: (await listCalls(getDb(), query.data)).map(callSummaryJson) });
});
