import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/runtime';
import { invalidInput } from '$lib/server/api/handler';
import { publicEndpoint } from '$lib/server/app/api';
import { listCatalogue } from '$lib/server/courses/catalogue';
import { courseJson } from '$lib/server/courses/api-shapes';
import { catalogueQuery } from '$lib/server/courses/schemas';

export const GET: RequestHandler = publicEndpoint(async ({ url }) => {
	const query = catalogueQuery.safeParse(Object.fromEntries(url.searchParams));
	if (!query.success) return invalidInput(query.error.issues);
	const courses = await listCatalogue(getDb(), query.data, new Date());
	return json({ courses: courses.map(courseJson) });
});
