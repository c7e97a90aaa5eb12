import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { NotFoundError } from '$lib/server/errors';
import { failFromError, throwLoadError } from '$lib/server/app/errors';
import { readForm } from '$lib/server/http/form';
import { requireUser } from '$lib/server/http/context';
import { idParam } from '$lib/server/courses/schemas';
import { surveyAnswerSchema } from '$lib/server/courses/authoring-schemas';
import { answerSurvey, findSurveyEnrolment } from '$lib/server/courses/survey';

// Only the trainee's own enrolment: someone else's looks like none at all (404).
export const load = (async (event) => {
	const user = requireUser(event);
	const id = idParam.safeParse(event.params.id);
	if (!id.success) throwLoadError(new NotFoundError());
	const enrolment = await findSurveyEnrolment(getDb(), user, id.data).catch(throwLoadError);
	return { enrolment };
}) satisfies PageServerLoad;

export const actions = {
	default: async (event) => {
		const user = requireUser(event);
		const id = idParam.safeParse(event.params.id);
		if (!id.success) return failFromError(new NotFoundError());
		const form = await readForm(event.request, surveyAnswerSchema);
		if (!form.ok) return fail(400, { errors: form.errors, values: form.values });
		try {
			await answerSurvey(getDb(), user, id.data, form.data);
			return { answered: true };
		} catch (error) {
			return failFromError(error, { values: form.values });
		}
	}
} satisfies Actions;
