import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { NotFoundError } from '$lib/server/errors';
import { failFromError, throwLoadError } from '$lib/server/app/errors';
import { readForm } from '$lib/server/http/form';
import { requestContext, requireUser } from '$lib/server/http/context';
import { renderMarkdown } from '$lib/server/markdown';
import { isCourseManager } from '$lib/server/courses/access';
import {
	findCourseBySlug,
	listCohorts,
	listMeetings,
	listPrerequisites,
	listUserEnrolments
} from '$lib/server/courses/catalogue';
import { LIVE_STATUSES } from '$lib/server/courses/repository';
import { acceptOffer, cancelEnrolment, enrol } from '$lib/server/courses/service';
import { acceptForm, cohortForm, enrolmentForm } from '$lib/server/courses/schemas';

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);

// Public like the catalogue; the enrolment forms appear for signed-in people.
export const load = (async ({ params, locals }) => {
	const db = getDb();
	const course = await findCourseBySlug(db, params.slug);
	if (!course) throwLoadError(new NotFoundError());
	const canManage = locals.user ? await isCourseManager(db, locals.user, course.id) : false;
	// A draft or archived course is seen only by its managers (as a preview); to others it does not exist.
	if (!course.published && !canManage) throwLoadError(new NotFoundError());
	const now = new Date();
	const [upcoming, all, prerequisites] = await Promise.all([
		listCohorts(db, course.id, now, true),
		listCohorts(db, course.id, now, false),
		listPrerequisites(db, course.id)
	]);
	const past = all.filter((c) => !upcoming.some((u) => u.id === c.id)).slice(0, 5);
	const meetings = await listMeetings(
		db,
		upcoming.map((c) => c.id)
	);
	const mine = locals.user ? await listUserEnrolments(db, locals.user.id, course.id) : [];
	const live = LIVE_STATUSES as readonly string[];
	const en = locals.locale === 'en';
	return {
		course: {
			slug: course.slug,
			category: course.category,
			audiences: course.audiences,
			level: course.level,
			language: course.language,
			format: course.format,
			title_ko: course.title_ko,
			title_en: course.title_en,
			summary_ko: course.summary_ko,
			summary_en: course.summary_en,
			place_ko: course.place_ko,
			place_en: course.place_en,
			hours: course.hours && Number(course.hours),
			provider_slug: course.provider_slug,
			provider_name_ko: course.provider_name_ko,
			provider_name_en: course.provider_name_en,
			credential: course.credential_id
				? { name_ko: course.credential_name_ko!, name_en: course.credential_name_en!, months: course.validity_months }
				: null
		},
		descriptionHtml: renderMarkdown(en ? course.description_en : course.description_ko),
		syllabusHtml: renderMarkdown(en ? course.syllabus_en : course.syllabus_ko),
		prerequisites,
		cohorts: upcoming.map((c) => {
			const enrolment = mine.find((e) => e.cohort_id === c.id && live.includes(e.status));
			return {
				id: c.id,
				label_ko: c.label_ko,
				label_en: c.label_en,
				capacity: c.capacity,
				seats_left: Math.max(c.capacity - c.held, 0),
				waitlisted: c.waitlisted,
				waitlist_enabled: c.waitlist_enabled,
				employer_approval: c.employer_approval,
				fee_krw: c.fee_krw,
				place_ko: c.place_ko || course.place_ko,
				place_en: c.place_en || course.place_en,
				enrol_opens_at: c.enrol_opens_at.toISOString(),
				enrol_closes_at: c.enrol_closes_at.toISOString(),
				open: now >= c.enrol_opens_at && now < c.enrol_closes_at,
				meetings: meetings
					.filter((m) => m.cohort_id === c.id)
					.map((m) => ({ id: m.id, start: m.starts_at.toISOString(), end: m.ends_at.toISOString() })),
				enrolment: enrolment && {
					id: enrolment.id,
					status: enrolment.status,
					position: enrolment.position,
					offer_expires_at: iso(enrolment.offer_expires_at),
					pay_with_voucher: enrolment.pay_with_voucher
				}
			};
		}),
		past: past.map((c) => ({
			id: c.id,
			label_ko: c.label_ko,
			label_en: c.label_en,
			starts_at: iso(c.starts_at),
			ends_at: iso(c.ends_at)
		})),
		canManage,
		courseId: canManage ? course.id : null,
		preview: !course.published
	};
}) satisfies PageServerLoad;

export const actions = {
	enrol: async (event) => {
		const user = requireUser(event);
		const form = await readForm(event.request, cohortForm);
		if (!form.ok) return fail(400, { errors: form.errors });
		try {
			const result = await enrol(getDb(), user, form.data.cohortId, requestContext(event), new Date(), {
				payWithVoucher: form.data.pay_with_voucher
			});
			return { done: result.status, position: result.position };
		} catch (error) {
			return failFromError(error, { cohortId: form.data.cohortId });
		}
	},
	accept: async (event) => {
		const user = requireUser(event);
		const form = await readForm(event.request, acceptForm);
		if (!form.ok) return fail(400, { errors: form.errors });
		try {
			await acceptOffer(getDb(), user, form.data.enrolmentId, requestContext(event), new Date(), {
				payWithVoucher: form.data.payWithVoucher
			});
			return { done: 'accepted' };
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
			return { done: 'cancelled' };
		} catch (error) {
			return failFromError(error);
		}
	}
} satisfies Actions;
