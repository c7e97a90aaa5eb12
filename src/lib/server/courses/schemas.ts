// Every input of courses (catalogue query, form posts, API bodies) and the API's response shapes.
import { z } from 'zod';
import { text } from '$lib/server/http/text';
import {
	COURSE_AUDIENCES,
	COURSE_CATEGORIES,
	COURSE_FORMATS,
	COURSE_LANGUAGES,
	ENROLMENT_STATUSES
} from '../db/courses-types';

const uuid = z.uuid();
/** Response times: ISO 8601 in UTC, typed date-time in the OpenAPI document. */
const at = z.iso.datetime();
/** An empty select means "any". */
const optionalEnum = <T extends readonly [string, ...string[]]>(values: T) =>
	z
		.enum(values)
		.optional()
		.or(z.literal('').transform(() => undefined));

export const idParam = uuid;

export const catalogueQuery = z.object({
	q: text().trim().max(100).optional(),
	category: optionalEnum(COURSE_CATEGORIES),
	audience: optionalEnum(COURSE_AUDIENCES),
	format: optionalEnum(COURSE_FORMATS),
	language: optionalEnum(COURSE_LANGUAGES)
});

export const cohortForm = z.object({
	cohortId: uuid,
	pay_with_voucher: z
		.union([z.literal('on'), z.literal('true')])
		.optional()
		.transform((v) => v !== undefined)
});
export const enrolmentForm = z.object({ enrolmentId: uuid });
/** Accepting an offer: `voucher_choice` says the page showed the voucher box, so its absence means "no". */
export const acceptForm = z
	.object({
		enrolmentId: uuid,
		voucher_choice: z.literal('given').optional(),
		pay_with_voucher: z.union([z.literal('on'), z.literal('true')]).optional()
	})
	.transform((f) => ({
		enrolmentId: f.enrolmentId,
		payWithVoucher: f.voucher_choice ? f.pay_with_voucher !== undefined : undefined
	}));

export const attendanceForm = z.object({
	meetingId: uuid,
	/** The enrolments marked present; everyone else on the roster is marked absent. */
	present: z
		.union([uuid, z.array(uuid)])
		.optional()
		.transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]))
});

export const refuseForm = z.object({ enrolmentId: uuid, reason: text().trim().min(1).max(500) });
export const checkInForm = z.object({ token: text().regex(/^[A-Za-z0-9_-]{16,64}$/) });

export const revokeForm = z.object({
	serial: text()
		.trim()
		.toUpperCase()
		.regex(/^[A-Z0-9-]{8,40}$/),
	reason: text().trim().min(1).max(500)
});

const date = text().regex(/^\d{4}-\d{2}-\d{2}$/);
const clock = text().regex(/^([01]\d|2[0-3]):[0-5]\d$/);

export const newCohortForm = z
	.object({
		labelKo: text().trim().min(1).max(100),
		labelEn: text().trim().min(1).max(100),
		capacity: z.coerce.number().int().min(1).max(1000),
		opensOn: date,
		closesOn: date,
		waitlist: z
			.literal('on')
			.optional()
			.transform((v) => v === 'on'),
		employerApproval: z
			.literal('on')
			.optional()
			.transform((v) => v === 'on'),
		offerHours: z.coerce.number().int().min(1).max(720).default(48),
		feeKrw: z.coerce.number().int().min(0).max(100_000_000).default(0),
		firstDate: date,
		time: clock,
		hours: z.coerce.number().min(0.5).max(12),
		meetings: z.coerce.number().int().min(1).max(30),
		everyDays: z.coerce.number().int().min(1).max(14).default(7)
	})
	.refine((f) => f.closesOn >= f.opensOn, { path: ['closesOn'], message: 'closesOn >= opensOn' });

/** A repeated form field: one value arrives as a string, several as an array. */
const many = <T extends z.ZodType>(item: T) =>
	z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(item).max(30));

export const editCohortForm = z
	.object({
		labelKo: text().trim().min(1).max(100),
		labelEn: text().trim().min(1).max(100),
		capacity: z.coerce.number().int().min(1).max(1000),
		opensOn: date,
		closesOn: date,
		offerHours: z.coerce.number().int().min(1).max(720),
		meetingId: many(uuid),
		/** Local date and time in the manager's time zone (datetime-local). */
		meetingStart: many(text().regex(/^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d$/)),
		meetingEnd: many(clock)
	})
	.refine((f) => f.closesOn >= f.opensOn, { path: ['closesOn'], message: 'closesOn >= opensOn' })
	.refine((f) => f.meetingStart.length === f.meetingId.length && f.meetingEnd.length === f.meetingId.length, {
		path: ['meetingId'],
		message: 'meetings'
	});

export const cancelCohortForm = z.object({ reason: text().trim().min(1).max(500) });

export const courseRequirementsForm = z.object({
	prerequisite: many(uuid),
	/** An empty select means "grants no credential". */
	credentialId: uuid.optional().or(z.literal('').transform(() => undefined))
});

export const cohortSchema = z
	.object({
		id: uuid,
		courseSlug: text(),
		labelKo: text(),
		labelEn: text(),
		capacity: z.number().int(),
		seatsLeft: z.number().int(),
		waitlisted: z.number().int(),
		waitlistEnabled: z.boolean(),
		offerHours: z.number().int(),
		enrolOpensAt: at,
		enrolClosesAt: at,
		meetings: z.array(z.object({ start: at, end: at, placeKo: text(), placeEn: text() }))
	})
	.meta({ id: 'Cohort' });

export const courseSchema = z
	.object({
		slug: text(),
		category: z.enum(COURSE_CATEGORIES),
		audiences: z.array(z.enum(COURSE_AUDIENCES)),
		level: text(),
		language: z.enum(COURSE_LANGUAGES),
		format: z.enum(COURSE_FORMATS),
		titleKo: text(),
		titleEn: text(),
		summaryKo: text(),
		summaryEn: text(),
		provider: z.object({ slug: text(), nameKo: text(), nameEn: text() }),
		nextMeetingAt: at.nullable(),
		seatsLeft: z.number().int(),
		/** Cohorts whose enrolment has not closed yet, soonest first (see GET /cohorts/{id}). */
		openCohortIds: z.array(uuid),
		grantsCredential: z.boolean()
	})
	.meta({ id: 'Course' });

export const enrolmentResultSchema = z
	.object({
		id: uuid,
		status: z.enum(['enrolled', 'waitlisted', 'awaiting_employer']),
		position: z.number().int().optional()
	})
	.meta({ id: 'EnrolmentResult' });

export const enrolmentSchema = z
	.object({
		id: uuid,
		cohortId: uuid,
		status: z.enum(ENROLMENT_STATUSES),
		position: z.number().int().nullable(),
		offerExpiresAt: at.nullable()
	})
	.meta({ id: 'Enrolment' });

export const certificateSchema = z
	.object({
		serial: text(),
		holder: text(),
		courseKo: text(),
		courseEn: text(),
		issuedAt: at,
		expiresAt: at.nullable(),
		revokedAt: at.nullable(),
		valid: z.boolean()
	})
	.meta({ id: 'Certificate' });
