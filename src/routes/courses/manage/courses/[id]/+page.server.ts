import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { getDb } from '$lib/server/runtime';
import { NotFoundError } from '$lib/server/errors';
import { failFromError, throwLoadError } from '$lib/server/app/errors';
import { readForm } from '$lib/server/http/form';
import { requestContext, requireUser } from '$lib/server/http/context';
import { requireCourseManager } from '$lib/server/courses/access';
import { courseState, deleteCourse, updateCourse } from '$lib/server/courses/authoring';
import { courseDetailsForm, courseStateForm } from '$lib/server/courses/authoring-schemas';
import { setCourseRequirements } from '$lib/server/courses/course-edit';
import { findAuthoredCourse, listRequirementChoices } from '$lib/server/courses/roster';
import { courseRequirementsForm, idParam } from '$lib/server/courses/schemas';
import { courseSurveyAggregates, MIN_ANSWERS } from '$lib/server/courses/survey';

export const load = (async (event) => {
	const user = requireUser(event);
	const db = getDb();
	const id = idParam.safeParse(event.params.id);
	const course = id.success ? await findAuthoredCourse(db, id.data) : undefined;
	if (!course) throwLoadError(new NotFoundError());
	await requireCourseManager(db, user, course.id).catch(throwLoadError);
	const [choices, survey] = await Promise.all([
		listRequirementChoices(db, course.id),
		courseSurveyAggregates(db, user, course.id)
	]);
	return {
		course: {
			id: course.id,
			slug: course.slug,
			state: courseState(course),
			cohortCount: Number(course.cohort_count ?? 0),
			credential_id: course.credential_id,
			provider_org_id: course.provider_org_id,
			title_ko: course.title_ko,
			title_en: course.title_en,
			values: {
				titleKo: course.title_ko,
				titleEn: course.title_en,
				summaryKo: course.summary_ko,
				summaryEn: course.summary_en,
				syllabusKo: course.syllabus_ko,
				syllabusEn: course.syllabus_en,
				category: course.category,
				level: course.level,
				format: course.format,
				language: course.language,
				hours: course.hours === null ? '' : String(Number(course.hours))
			},
			audiences: course.audiences as string[]
		},
		...choices,
		survey,
		minAnswers: MIN_ANSWERS,
		created: event.url.searchParams.has('created')
	};
}) satisfies PageServerLoad;

function courseId(event: RequestEvent) {
	const id = idParam.safeParse(event.params.id);
	if (!id.success) throw new NotFoundError();
	return id.data;
}

/** The course's slug, for the services that address a course by it (404 when there is none). */
async function slugOf(event: RequestEvent) {
	const course = await findAuthoredCourse(getDb(), courseId(event));
	if (!course) throw new NotFoundError();
	return course.slug;
}

export const actions = {
	details: async (event) => {
		const user = requireUser(event);
		const form = await readForm(event.request, courseDetailsForm);
		const audiences = form.form.getAll('audiences').map(String);
		if (!form.ok) return fail(400, { action: 'details', errors: form.errors, values: form.values, audiences });
		try {
			await updateCourse(getDb(), user, await slugOf(event), form.data, requestContext(event));
			return { action: 'details', saved: true };
		} catch (error) {
			return failFromError(error, { action: 'details', values: form.values, audiences });
		}
	},
	state: async (event) => {
		const user = requireUser(event);
		const form = await readForm(event.request, courseStateForm);
		if (!form.ok) return fail(400, { action: 'state', errors: form.errors });
		try {
			await updateCourse(getDb(), user, await slugOf(event), { state: form.data.state }, requestContext(event));
			return { action: 'state', moved: form.data.state };
		} catch (error) {
			return failFromError(error, { action: 'state' });
		}
	},
	delete: async (event) => {
		const user = requireUser(event);
		try {
			await deleteCourse(getDb(), user, await slugOf(event), requestContext(event));
		} catch (error) {
			return failFromError(error, { action: 'delete' });
		}
		redirect(303, '/courses/manage?deleted=1');
	},
	requirements: async (event) => {
		const user = requireUser(event);
		const form = await readForm(event.request, courseRequirementsForm);
		if (!form.ok) return fail(400, { action: 'requirements', errors: form.errors });
		try {
			await setCourseRequirements(
				getDb(),
				user,
				courseId(event),
				{ prerequisiteIds: form.data.prerequisite, credentialId: form.data.credentialId ?? null },
				requestContext(event)
			);
			return { action: 'requirements', saved: true };
		} catch (error) {
			return failFromError(error, { action: 'requirements', chosen: form.data.prerequisite });
		}
	}
} satisfies Actions;
