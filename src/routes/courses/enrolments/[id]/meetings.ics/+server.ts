import { error } from '@sveltejs/kit';
import * as m from '$lib/paraglide/messages';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/runtime';
import { listMeetings } from '$lib/server/courses/catalogue';
import { cohortCalendar } from '$lib/server/courses/ics';
import { findCohort, findEnrolmentById } from '$lib/server/courses/repository';
import { idParam } from '$lib/server/courses/schemas';

// The trainee's own calendar file; anybody else gets a 404, as if it did not exist.
export const GET: RequestHandler = async ({ params, locals, url }) => {
	const user = locals.user;
	if (!user) error(401, m.error_unauthenticated());
	const db = getDb();
	const id = idParam.safeParse(params.id);
	const enrolment = id.success ? await findEnrolmentById(db, id.data) : undefined;
	if (!enrolment || enrolment.user_id !== user.id) error(404, m.error_not_found());
	const cohort = (await findCohort(db, enrolment.cohort_id))!;
	const meetings = await listMeetings(db, [cohort.id]);
	const en = locals.locale === 'en';
	const body = cohortCalendar(
		{
			enrolmentId: enrolment.id,
			live: enrolment.status === 'enrolled' || enrolment.status === 'completed',
			updatedAt: enrolment.updated_at,
			summary: `${en ? cohort.title_en : cohort.title_ko}, ${en ? cohort.label_en : cohort.label_ko}`,
			location: en ? cohort.place_en : cohort.place_ko,
			url: new URL(`/courses/${cohort.course_slug}`, url.origin).href,
			meetings: meetings.map((mt) => ({ id: mt.id, start: mt.starts_at, end: mt.ends_at, sequence: mt.sequence }))
		},
		url.host
	);
	return new Response(body, {
		headers: {
			'content-type': 'text/calendar; charset=utf-8',
			'content-disposition': `attachment; filename="course-${cohort.course_slug}.ics"`,
			'cache-control': 'private, no-store'
		}
	});
};
