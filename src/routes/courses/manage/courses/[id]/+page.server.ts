import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { NotFoundError } from '$lib/server/errors';
import { failFromError, throwLoadError } from '$lib/server/app/errors';
import { readForm } from '$lib/server/http/form';
import { requestContext, requireUser } from '$lib/server/http/context';
import { requireCourseManager } from '$lib/server/courses/access';
import { setCourseRequirements } from '$lib/server/courses/course-edit';
import { findCourseById, listRequirementChoices } from '$lib/server/courses/roster';
import { courseRequirementsForm, idParam } from '$lib/server/courses/schemas';

export const load = (async (event) => {
	const user = requireUser(event);
	const db = getDb();
	const id = idParam.safeParse(event.params.id);
	const course = id.success ? await findCourseById(db, id.data) : undefined;
	if (!course) throwLoadError(new NotFoundError());
	await requireCourseManager(db, user, course.id).catch(throwLoadError);
	return { course, ...(await listRequirementChoices(db, course.id)) };
}) satisfies PageServerLoad;

export const actions = {
	default: async (event) => {
		const user = requireUser(event);
		const id = idParam.safeParse(event.params.id);
		if (!id.success) return fail(404, { message: '' });
		const form = await readForm(event.request, courseRequirementsForm);
		if (!form.ok) return fail(400, { errors: form.errors });
		try {
			await setCourseRequirements(
				getDb(),
				user,
				id.data,
				{ prerequisiteIds: form.data.prerequisite, credentialId: form.data.credentialId ?? null },
				requestContext(event)
			);
			return { saved: true };
		} catch (error) {
			return failFromError(error, { chosen: form.data.prerequisite });
		}
	}
} satisfies Actions;
