import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/runtime';
import { invalidInput } from '$lib/server/api/handler';
import { authenticated, publicEndpoint } from '$lib/server/app/api';
import { requestContext } from '$lib/server/http/context';
import { readJson } from '$lib/server/common/read-json';
import { listCatalogue } from '$lib/server/courses/catalogue';
import { courseJson } from '$lib/server/courses/api-shapes';
import { catalogueQuery } from '$lib/server/courses/schemas';
import { courseInputSchema } from '$lib/server/courses/authoring-schemas';
import { authoredCourseJson, createCourse } from '$lib/server/courses/authoring';

export const GET: RequestHandler = publicEndpoint(async ({ url }) => {
	const query = catalogueQuery.safeParse(Object.fromEntries(url.searchParams));
	if (!query.success) return invalidInput(query.error.issues);
	const courses = await listCatalogue(getDb(), query.data, new Date());
	return json({ courses: courses.map(courseJson) });
});

/** A new course, as a draft of the provider organisation the caller administers. */
export const POST: RequestHandler = authenticated(async (event, user) => {
	const body = courseInputSchema.safeParse(await readJson(event.request));
	if (!body.success) return invalidInput(body.error.issues);
	const course = await createCourse(getDb(), user, body.data, requestContext(event));
	return json(authoredCourseJson(course), {
		status: 201,
		headers: { location: `/api/v1/courses/${course.slug}` }
	});
});
