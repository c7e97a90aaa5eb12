// The forms of resource management: a resource's rules, its weekly hours and its blackouts.
import { z } from 'zod';
import { text as cleanText } from '$lib/server/http/text';
import * as m from '$lib/paraglide/messages';
import { resourceKinds } from './schemas';

const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
/** Empty means "no limit". */
const optionalHours = z.union([z.literal('').transform(() => null), z.coerce.number().min(0.5).max(9999)]);
const checkbox = z
	.union([z.literal('on'), z.literal('true')])
	.optional()
	.transform((v) => v !== undefined);
const text = (max: number) => cleanText().trim().max(max).default('');

export const resourceForm = z
	.object({
		slug: cleanText()
			.trim()
			.toLowerCase()
			.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)
			.max(80),
		kind: z.enum(resourceKinds),
		name_ko: cleanText().trim().min(1).max(120),
		name_en: cleanText().trim().min(1).max(120),
		description_ko: text(4000),
		description_en: text(4000),
		rules_ko: text(4000),
		rules_en: text(4000),
		location: text(200),
		slot_minutes: int(5, 1440),
		min_minutes: int(5, 1440),
		max_minutes: int(5, 1440),
		min_notice_minutes: int(0, 60 * 24 * 60),
		max_horizon_days: int(1, 730),
		cancel_cutoff_minutes: int(0, 60 * 24 * 30),
		checkin_before_minutes: int(0, 240),
		checkin_after_minutes: int(0, 240),
		quota_week_hours: optionalHours,
		quota_month_hours: optionalHours,
		auto_confirm: checkbox,
		member_rate_krw: int(0, 100_000_000),
		nonmember_rate_krw: int(0, 100_000_000),
		required_credential_id: z.union([z.literal('').transform(() => null), z.uuid()]),
		active: checkbox
	})
	.refine((r) => r.min_minutes % r.slot_minutes === 0, {
		path: ['min_minutes'],
		error: () => m.testbed_error_not_slot_multiple()
	})
	.refine((r) => r.max_minutes % r.slot_minutes === 0, {
		path: ['max_minutes'],
		error: () => m.testbed_error_not_slot_multiple()
	})
	.refine((r) => r.max_minutes >= r.min_minutes, {
		path: ['max_minutes'],
		error: () => m.testbed_error_max_below_min()
	});
export type ResourceInput = z.output<typeof resourceForm>;

export const newResourceForm = z.intersection(resourceForm, z.object({ facility: z.uuid() }));

const clock = cleanText().regex(/^([01]\d|2[0-3]):[0-5]\d$/);
/** Closing at 00:00 means midnight at the end of the day (24:00), the only way a time field says it. */
const toMinutes = (c: string) => Number(c.slice(0, 2)) * 60 + Number(c.slice(3, 5));
const day = z
	.object({ opens: z.union([z.literal(''), clock]), closes: z.union([z.literal(''), clock]) })
	.refine((d) => (d.opens === '') === (d.closes === ''), {
		path: ['closes'],
		error: () => m.testbed_error_hours_incomplete()
	})
	.refine((d) => d.opens === '' || d.closes === '00:00' || toMinutes(d.closes) > toMinutes(d.opens), {
		path: ['closes'],
		error: () => m.testbed_error_closes_before_opens()
	});

/** Fields `opens_0` … `closes_6` (0 = Sunday); an empty day is closed. */
export const hoursForm = z
	.record(cleanText(), z.unknown())
	.transform((raw) =>
		Array.from({ length: 7 }, (_, weekday) => ({
			weekday,
			opens: raw[`opens_${weekday}`] ?? '',
			closes: raw[`closes_${weekday}`] ?? ''
		}))
	)
	.pipe(z.array(day.and(z.object({ weekday: z.number() }))))
	.transform((days) =>
		days
			.filter((d) => d.opens !== '')
			.map((d) => ({ weekday: d.weekday, opens: d.opens, closes: d.closes === '00:00' ? '24:00' : d.closes }))
	);

const date = cleanText().regex(/^\d{4}-\d{2}-\d{2}$/);
export const blackoutForm = z
	.object({
		start_date: date,
		start_time: clock,
		end_date: date,
		end_time: clock,
		reason_ko: cleanText().trim().min(1).max(200),
		reason_en: cleanText().trim().min(1).max(200)
	})
	.refine((b) => `${b.end_date}T${b.end_time}` > `${b.start_date}T${b.start_time}`, {
		path: ['end_time'],
		error: () => m.testbed_error_blackout_order()
	});

export const blackoutIdForm = z.object({ blackout: z.uuid() });
