import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/runtime';
import { invalidInput } from '$lib/server/api/handler';
import { authenticated } from '$lib/server/app/api';
import { requestContext } from '$lib/server/http/context';
import { readJson } from '$lib/server/common/read-json';
import { coursePatchSchema } from '$lib/server/courses/authoring-schemas';
import { authoredCourseJson, deleteCourse, updateCourse } from '$lib/server/courses/authoring';

/** Changes some fields and/or the state (draft → published → archived) of a course the caller manages. */
export const PATCH: RequestHandler = authenticated(async (event, user) => {
	const body = coursePatchSchema.safeParse(await readJson(event.request));
	if (!body.success) return invalidInput(body.error.issues);
	const course = await updateCourse(getDb(), user, event.params.slug, body.data, requestContext(event));
	return json(authoredCourseJson(course));
});

/** Deletes a course the caller manages, when it has no cohorts (409 `cauth_has_cohorts` otherwise). */
export const DELETE: RequestHandler = authenticated(async (event, user) => {
	await deleteCourse(getDb(), user, event.params.slug, requestContext(event));
	return json({ deleted: true, slug: event.params.slug });
});
