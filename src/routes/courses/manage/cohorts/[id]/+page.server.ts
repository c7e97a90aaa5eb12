import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { NotFoundError } from '$lib/server/errors';
import { failFromError, throwLoadError } from '$lib/server/app/errors';
import { readForm } from '$lib/server/http/form';
import { requestContext, requireUser } from '$lib/server/http/context';
import { requireCourseManager } from '$lib/server/courses/access';
import { listMeetings } from '$lib/server/courses/catalogue';
import { markAttendance } from '$lib/server/courses/manage';
import { findCohort } from '$lib/server/courses/repository';
import { listAttendance, listCohortCertificates, listRoster } from '$lib/server/courses/roster';
import { completeCohort, revokeCertificate } from '$lib/server/courses/completion';
import { currentCheckInToken, isCheckInOpen } from '$lib/server/courses/check-in';
import { qrCode } from '$lib/server/common/qr';
import { attendanceForm, enrolmentForm, idParam, revokeForm } from '$lib/server/courses/schemas';
import { cancelEnrolment } from '$lib/server/courses/service';

export const load = (async (event) => {
	const user = requireUser(event);
	// The check-in code rotates: the page reloads this every few seconds while a meeting runs.
	event.depends('courses:check-in');
	const db = getDb();
	const id = idParam.safeParse(event.params.id);
	const cohort = id.success ? await findCohort(db, id.data) : undefined;
	if (!cohort) throwLoadError(new NotFoundError());
	await requireCourseManager(db, user, cohort.course_id).catch(throwLoadError);
	const [roster, meetings, attendance, certificates] = await Promise.all([
		listRoster(db, cohort.id),
		listMeetings(db, [cohort.id]),
		listAttendance(db, cohort.id),
		listCohortCertificates(db, cohort.id)
	]);
	const now = new Date();
	// The meeting asked for, else the one open for check-in, else the last one that has begun, else the first.
	const asked = meetings.find((mt) => mt.id === event.url.searchParams.get('meeting'));
	const meeting =
		asked ??
		meetings.find((mt) => isCheckInOpen(mt, now)) ??
		[...meetings].reverse().find((mt) => mt.starts_at <= now) ??
		meetings[0];
	const token = meeting ? await currentCheckInToken(db, meeting, now) : null;
	const checkInUrl = token && `${event.url.origin}/courses/check-in/${meeting!.id}?t=${token}`;
	const seated = roster.filter((r) => r.status === 'enrolled' || r.status === 'completed');
	return {
		cohort: {
			id: cohort.id,
			label_ko: cohort.label_ko,
			label_en: cohort.label_en,
			capacity: cohort.capacity,
			cancelled: cohort.cancelled_at !== null,
			cancel_reason: cohort.cancel_reason,
			course_slug: cohort.course_slug,
			title_ko: cohort.title_ko,
			title_en: cohort.title_en
		},
		roster: roster.map((r) => {
			const marks = attendance.filter((a) => a.enrolment_id === r.id);
			return {
				...r,
				offer_expires_at: r.offer_expires_at?.toISOString() ?? null,
				attended: marks.filter((a) => a.present).length
			};
		}),
		certificates: certificates.map((c) => ({
			serial: c.serial,
			name: c.name,
			issued_at: c.issued_at.toISOString(),
			revoked: c.revoked_at !== null
		})),
		canComplete: meetings.length > 0 && meetings[meetings.length - 1].starts_at <= now,
		meetings: meetings.map((mt) => ({ id: mt.id, start: mt.starts_at.toISOString(), end: mt.ends_at.toISOString() })),
		meeting: meeting && {
			id: meeting.id,
			start: meeting.starts_at.toISOString(),
			end: meeting.ends_at.toISOString(),
			present: attendance.filter((a) => a.meeting_id === meeting.id && a.present).map((a) => a.enrolment_id),
			seated: seated.map((r) => ({ id: r.id, name: r.name }))
		},
		checkIn: checkInUrl ? { url: checkInUrl, token: token!, qr: qrCode(checkInUrl) } : null
	};
}) satisfies PageServerLoad;

export const actions = {
	attendance: async (event) => {
		const user = requireUser(event);
		const form = await readForm(event.request, attendanceForm);
		if (!form.ok) return fail(400, { errors: form.errors });
		try {
			const result = await markAttendance(getDb(), user, form.data.meetingId, form.data.present, requestContext(event));
			return { saved: result };
		} catch (error) {
			return failFromError(error);
		}
	},
	cancel: async (event) => {
		const user = requireUser(event);
		const form = await readForm(event.request, enrolmentForm);
		if (!form.ok) return fail(400, { errors: form.errors });
		try {
			await cancelEnrolment(getDb(), user, form.data.enrolmentId, requestContext(event));
			return { cancelled: true };
		} catch (error) {
			return failFromError(error);
		}
	},
	complete: async (event) => {
		const user = requireUser(event);
		const id = idParam.safeParse(event.params.id);
		if (!id.success) return fail(404, { message: '' });
		try {
			const completed = await completeCohort(getDb(), user, id.data, requestContext(event));
			return { completed: completed.length };
		} catch (error) {
			return failFromError(error);
		}
	},
	revoke: async (event) => {
		const user = requireUser(event);
		const form = await readForm(event.request, revokeForm);
		if (!form.ok) return fail(400, { errors: form.errors, serial: form.values.serial });
		try {
			await revokeCertificate(getDb(), user, form.data.serial, form.data.reason, requestContext(event));
			return { revoked: form.data.serial };
		} catch (error) {
			return failFromError(error);
		}
	}
} satisfies Actions;
