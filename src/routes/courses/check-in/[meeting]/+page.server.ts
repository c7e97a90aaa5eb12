import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { NotFoundError } from '$lib/server/errors';
import { failFromError, throwLoadError } from '$lib/server/app/errors';
import { readForm } from '$lib/server/http/form';
import { requestContext, requireUser } from '$lib/server/http/context';
import { checkIn } from '$lib/server/courses/check-in';
import { CheckInTokenInvalidError } from '$lib/server/courses/errors';
import { findCohort } from '$lib/server/courses/repository';
import { findMeeting } from '$lib/server/courses/roster';
import { checkInForm, idParam } from '$lib/server/courses/schemas';

// Opened from the QR code on the manager's attendance page; the button posts the code it carries.
export const load = (async (event) => {
	requireUser(event);
	const db = getDb();
	const id = idParam.safeParse(event.params.meeting);
	const meeting = id.success ? await findMeeting(db, id.data) : undefined;
	if (!meeting) throwLoadError(new NotFoundError());
	const cohort = (await findCohort(db, meeting.cohort_id))!;
	return {
		meeting: { id: meeting.id, start: meeting.starts_at.toISOString(), end: meeting.ends_at.toISOString() },
		cohort: {
			title_ko: cohort.title_ko,
			title_en: cohort.title_en,
			label_ko: cohort.label_ko,
			label_en: cohort.label_en,
			course_slug: cohort.course_slug
		},
		token: event.url.searchParams.get('t') ?? ''
	};
}) satisfies PageServerLoad;

export const actions = {
	default: async (event) => {
		const user = requireUser(event);
		const id = idParam.safeParse(event.params.meeting);
		const form = await readForm(event.request, checkInForm);
		if (!id.success) return fail(404, { message: '' });
		if (!form.ok) return failFromError(new CheckInTokenInvalidError());
		try {
			await checkIn(getDb(), user, id.data, form.data.token, requestContext(event));
			return { checkedIn: true };
		} catch (error) {
			return failFromError(error);
		}
	}
} satisfies Actions;
