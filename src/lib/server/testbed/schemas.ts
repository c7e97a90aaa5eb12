// Every input of the testbed (API bodies and queries, form posts) and the API's response shapes.
import { z } from 'zod';
import { text } from '$lib/server/http/text';
import * as m from '$lib/paraglide/messages';

const instant = z.iso.datetime({ offset: true }).transform((s) => new Date(s));
const uuid = z.uuid();

export const idParam = uuid;
export const resourceKinds = ['equipment', 'space', 'device_loan', 'service'] as const;

export const resourceListQuery = z.object({
	kind: z.enum(resourceKinds).optional(),
	q: text().trim().max(100).optional()
});

const MAX_RANGE_MS = 62 * 24 * 3_600_000;
export const availabilityQuery = z
	.object({ from: instant, to: instant })
	.refine((r) => r.to > r.from && r.to.getTime() - r.from.getTime() <= MAX_RANGE_MS, {
		message: 'from < to, at most 62 days apart',
		path: ['to']
	});

// Well-formed times in the wrong order are a 422 with their own code (see api/handler's invalidInput),
// caught here rather than by PostgreSQL's range constructor, which would answer 500.
const endAfterStart = (range: { start: Date; end: Date }) => range.end > range.start;
const rangeOrder = {
	path: ['end'],
	params: { code: 'end_before_start' },
	error: () => m.testbed_error_end_before_start()
};

export const newBookingBody = z
	.object({
		resourceId: uuid,
		start: instant,
		end: instant,
		purpose: text().trim().max(500).default(''),
		orgId: uuid.optional(),
		payWithVoucher: z.boolean().default(false)
	})
	.refine(endAfterStart, rangeOrder);

export const rescheduleBody = z.object({ start: instant, end: instant }).refine(endAfterStart, rangeOrder);
export const rejectBody = z.object({ reason: text().trim().min(1).max(500) });
export const cancelQuery = z.object({ reason: text().trim().max(500).optional() });

// Forms read times as the viewer's wall clock; the route turns them into instants.
const date = text().regex(/^\d{4}-\d{2}-\d{2}$/);
const clock = text().regex(/^([01]\d|2[0-3]):[0-5]\d$/);

export const bookForm = z.object({
	date,
	time: clock,
	minutes: z.coerce.number().int().min(5).max(1440),
	purpose: text().trim().min(1).max(500),
	weeks: z.coerce.number().int().min(1).max(12).default(1),
	orgId: z.union([uuid, z.literal('')]).optional(),
	pay_with_voucher: z
		.union([z.literal('on'), z.literal('true')])
		.optional()
		.transform((v) => v !== undefined)
});
export const rescheduleForm = bookForm.pick({ date: true, time: true, minutes: true });
export const reasonForm = z.object({ reason: text().trim().min(1).max(500) });
export const optionalReasonForm = z.object({ reason: text().trim().max(500).optional() });
export const completeForm = z.object({ notes: text().trim().max(2000).default('') });

export const searchQuery = z.object({
	kind: z
		.enum(resourceKinds)
		.optional()
		.or(z.literal('').transform(() => undefined)),
	q: text().trim().max(100).optional(),
	hours: z.coerce.number().min(0.5).max(12).default(2),
	// A blank date field is sent as from=: that means "from today", not a bad search.
	from: date.optional().or(z.literal('').transform(() => undefined)),
	days: z.coerce.number().int().min(1).max(31).default(7)
});

export const resourceSchema = z
	.object({
		id: uuid,
		slug: text(),
		kind: z.enum(resourceKinds),
		nameKo: text(),
		nameEn: text(),
		descriptionKo: text(),
		descriptionEn: text(),
		facility: z.object({ slug: text(), nameKo: text(), nameEn: text(), timeZone: text() }),
		slotMinutes: z.number().int(),
		minMinutes: z.number().int(),
		maxMinutes: z.number().int(),
		minNoticeMinutes: z.number().int(),
		maxHorizonDays: z.number().int(),
		quotaWeekHours: z.number().nullable(),
		quotaMonthHours: z.number().nullable(),
		autoConfirm: z.boolean(),
		requiresCredential: z.boolean()
	})
	.meta({ id: 'Resource' });

// Response times are ISO 8601 strings in UTC, typed date-time in the OpenAPI document.
const at = z.iso.datetime();
const interval = z.object({ start: at, end: at });
export const availabilitySchema = z
	.object({
		resourceId: uuid,
		from: at,
		to: at,
		free: z.array(interval),
		busy: z.array(interval.extend({ status: text() })),
		blackouts: z.array(interval)
	})
	.meta({ id: 'Availability' });

export const bookingSchema = z
	.object({
		id: uuid,
		resourceId: uuid,
		orgId: uuid,
		userId: uuid,
		start: at,
		end: at,
		status: z.enum(['pending', 'confirmed', 'rejected', 'cancelled', 'completed', 'no_show', 'expired']),
		purpose: text(),
		decisionReason: text().nullable(),
		checkedInAt: at.nullable(),
		sequence: z.number().int(),
		seriesId: text().nullable()
	})
	.meta({ id: 'Booking' });

const month = text().regex(/^\d{4}-(0[1-9]|1[0-2])$/);
const slug = text()
	.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)
	.max(80);
export const reportQuery = z.object({
	month: month.optional(),
	facility: slug.optional().or(z.literal('').transform(() => undefined))
});

/** The manager's queue: the ticked bookings, or the one whose row button was pressed (`only`). */
export const bulkDecisionForm = (decision: 'approve' | 'reject') =>
	z
		.object({
			ids: z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(uuid).max(100)),
			only: uuid.optional(),
			reason: text().trim().max(500).optional()
		})
		.transform(({ ids, only, reason }) => ({ ids: only ? [only] : ids, decision, reason: reason || undefined }))
		.superRefine((value, ctx) => {
			if (!value.ids.length) ctx.addIssue({ code: 'custom', path: ['ids'], message: m.walk_bulk_none_selected() });
			if (decision === 'reject' && !value.reason)
				ctx.addIssue({ code: 'custom', path: ['reason'], message: m.walk_bulk_reason_required() });
		});
