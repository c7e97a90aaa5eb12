import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { NotFoundError } from '$lib/server/errors';
import { failFromError, throwLoadError } from '$lib/server/app/errors';
import { readForm } from '$lib/server/http/form';
import { requestContext, requireUser } from '$lib/server/http/context';
import { requireCourseManager } from '$lib/server/courses/access';
import { listMeetings } from '$lib/server/courses/catalogue';
import { cancelCohort, editCohort } from '$lib/server/courses/cohort-edit';
import { countSeats, findCohort } from '$lib/server/courses/repository';
import { cancelCohortForm, editCohortForm, idParam } from '$lib/server/courses/schemas';
import { addDays, localParts, parseClock, zonedInstant } from '$lib/server/common/zoned-time';

const clock = (minutes: number) =>
	`${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

export const load = (async (event) => {
	const user = requireUser(event);
	const db = getDb();
	const id = idParam.safeParse(event.params.id);
	const cohort = id.success ? await findCohort(db, id.data) : undefined;
	if (!cohort) throwLoadError(new NotFoundError());
	await requireCourseManager(db, user, cohort.course_id).catch(throwLoadError);
	const tz = event.locals.timeZone;
	const [meetings, seats] = await Promise.all([listMeetings(db, [cohort.id]), countSeats(db, cohort.id)]);
	const local = (d: Date) => localParts(d, tz);
	// The window is stored as [opens 00:00, the day after closing 00:00) in the manager's zone.
	const closes = local(new Date(cohort.enrol_closes_at.getTime() - 1));
	return {
		cohort: {
			id: cohort.id,
			label_ko: cohort.label_ko,
			label_en: cohort.label_en,
			title_ko: cohort.title_ko,
			title_en: cohort.title_en,
			course_slug: cohort.course_slug,
			capacity: cohort.capacity,
			offer_hours: cohort.offer_hours,
			held: seats.held,
			waitlisted: seats.waitlisted,
			opens_on: local(cohort.enrol_opens_at).date,
			closes_on: closes.date,
			cancelled: cohort.cancelled_at !== null,
			cancel_reason: cohort.cancel_reason
		},
		meetings: meetings.map((mt) => {
			const start = local(mt.starts_at);
			return { id: mt.id, start: `${start.date}T${clock(start.minutes)}`, end: clock(local(mt.ends_at).minutes) };
		})
	};
}) satisfies PageServerLoad;

export const actions = {
	edit: async (event) => {
		const user = requireUser(event);
		const id = idParam.safeParse(event.params.id);
		if (!id.success) return fail(404, { message: '' });
		const form = await readForm(event.request, editCohortForm);
		if (!form.ok) return fail(400, { errors: form.errors, values: form.values });
		const f = form.data;
		const tz = event.locals.timeZone;
		const meetings = f.meetingId.map((meetingId, i) => {
			const [day, time] = f.meetingStart[i].split('T');
			return {
				id: meetingId,
				start: zonedInstant(day, parseClock(time), tz),
				end: zonedInstant(day, parseClock(f.meetingEnd[i]), tz)
			};
		});
		try {
			const result = await editCohort(
				getDb(),
				user,
				id.data,
				{
					labelKo: f.labelKo,
					labelEn: f.labelEn,
					capacity: f.capacity,
					opensAt: zonedInstant(f.opensOn, 0, tz),
					closesAt: zonedInstant(addDays(f.closesOn, 1), 0, tz),
					offerHours: f.offerHours,
					meetings
				},
				requestContext(event)
			);
			return { saved: true, offered: result.offered };
		} catch (error) {
			return failFromError(error, { values: form.values });
		}
	},
	cancel: async (event) => {
		const user = requireUser(event);
		const id = idParam.safeParse(event.params.id);
		if (!id.success) return fail(404, { message: '' });
		const form = await readForm(event.request, cancelCohortForm);
		if (!form.ok) return fail(400, { cancelErrors: form.errors });
		try {
			const result = await cancelCohort(getDb(), user, id.data, form.data.reason, requestContext(event));
			return { cancelledCohort: result.ended };
		} catch (error) {
			return failFromError(error);
		}
	}
} satisfies Actions;
