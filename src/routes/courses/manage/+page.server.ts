import { error, fail } from '@sveltejs/kit';
import * as m from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { failFromError } from '$lib/server/app/errors';
import { readForm } from '$lib/server/http/form';
import { requestContext, requireUser } from '$lib/server/http/context';
import { listManagedCourseIds } from '$lib/server/courses/access';
import { createCohort } from '$lib/server/courses/manage';
import { listCohortsOfCourses, listCoursesByIds } from '$lib/server/courses/roster';
import { newCohortForm } from '$lib/server/courses/schemas';
import { listProviderChoices } from '$lib/server/courses/providers';
import { courseState } from '$lib/server/courses/authoring';
import { addDays, parseClock, zonedInstant } from '$lib/server/common/zoned-time';
import { z } from 'zod';

export const load = (async (event) => {
	const user = requireUser(event);
	const db = getDb();
	const [ids, providers] = await Promise.all([listManagedCourseIds(db, user), listProviderChoices(db, user)]);
	// Open to those who manage a course, and to those who may author one for their organisation.
	if (!ids.length && !providers.length) error(403, m.courses_error_not_course_manager());
	const [courses, cohorts] = await Promise.all([listCoursesByIds(db, ids), listCohortsOfCourses(db, ids)]);
	return {
		canAuthor: providers.length > 0,
		deleted: event.url.searchParams.has('deleted'),
		courses: courses.map(({ archived_at, ...c }) => ({
			...c,
			state: courseState({ published: c.published, archived_at }),
			cohorts: cohorts
				.filter((h) => h.course_id === c.id)
				.map((h) => ({
					id: h.id,
					label_ko: h.label_ko,
					label_en: h.label_en,
					capacity: h.capacity,
					held: h.held,
					waitlisted: h.waitlisted,
					cancelled: h.cancelled_at !== null,
					starts_at: h.starts_at && new Date(h.starts_at).toISOString()
				}))
		}))
	};
}) satisfies PageServerLoad;

const createForm = newCohortForm.and(z.object({ courseId: z.uuid() }));

export const actions = {
	createCohort: async (event) => {
		const user = requireUser(event);
		const form = await readForm(event.request, createForm);
		if (!form.ok) return fail(400, { errors: form.errors, values: form.values });
		const f = form.data;
		const tz = event.locals.timeZone;
		const minutes = parseClock(f.time);
		const meetings = Array.from({ length: f.meetings }, (_, i) => {
			const start = zonedInstant(addDays(f.firstDate, i * f.everyDays), minutes, tz);
			return { start, end: new Date(start.getTime() + f.hours * 3_600_000) };
		});
		try {
			const cohort = await createCohort(
				getDb(),
				user,
				f.courseId,
				{
					labelKo: f.labelKo,
					labelEn: f.labelEn,
					capacity: f.capacity,
					opensAt: zonedInstant(f.opensOn, 0, tz),
					closesAt: zonedInstant(addDays(f.closesOn, 1), 0, tz),
					waitlist: f.waitlist,
					employerApproval: f.employerApproval,
					offerHours: f.offerHours,
					feeKrw: f.feeKrw,
					meetings
				},
				requestContext(event)
			);
			return { created: cohort.id };
		} catch (err) {
			return failFromError(err, { values: form.values });
		}
	}
} satisfies Actions;
