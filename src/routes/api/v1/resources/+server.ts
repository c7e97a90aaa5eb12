import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/runtime';
import { invalidInput } from '$lib/server/api/handler';
import { publicEndpoint } from '$lib/server/app/api';
import { listResources } from '$lib/server/testbed/repository';
import { resourceListQuery } from '$lib/server/testbed/schemas';
import { resourceJson } from '$lib/server/testbed/api-shapes';

export const GET: RequestHandler = publicEndpoint(async ({ url }) => {
	const query = resourceListQuery.safeParse(Object.fromEntries(url.searchParams));
	if (!query.success) return invalidInput(query.error.issues);
	const resources = await listResources(getDb(), { kind: query.data.kind, text: query.data.q });
	return json({ resources: resources.map(resourceJson) });
});
