import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/runtime';
import { invalidInput } from '$lib/server/api/handler';
import { authenticated } from '$lib/server/app/api';
import { requestContext } from '$lib/server/http/context';
import { readJson } from '$lib/server/common/read-json';
import { NotFoundError } from '$lib/server/errors';
import { courseSlugParam, coursePatchSchema } from '$lib/server/courses/authoring-schemas';
import { authoredCourseJson, deleteCourse, updateCourse } from '$lib/server/courses/authoring';

/** Changes some fields and/or the state (draft → published → archived) of a course the caller manages. */
export const PATCH: RequestHandler = authenticated(async (event, user) => {
	const slug = courseSlugParam.safeParse(event.params.slug);
	if (!slug.success) throw new NotFoundError();
	const body = coursePatchSchema.safeParse(await readJson(event.request));
	if (!body.success) return invalidInput(body.error.issues);
	const course = await updateCourse(getDb(), user, slug.data, body.data, requestContext(event));
	return json(authoredCourseJson(course));
});

/** Deletes a course the caller manages, when it has no cohorts (409 `cauth_has_cohorts` otherwise). */
export const DELETE: RequestHandler = authenticated(async (event, user) => {
	const slug = courseSlugParam.safeParse(event.params.slug);
	if (!slug.success) throw new NotFoundError();
	await deleteCourse(getDb(), user, slug.data, requestContext(event));
	return json({ deleted: true, slug: slug.data });
});
