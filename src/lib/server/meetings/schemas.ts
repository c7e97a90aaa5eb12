// Every input of meeting requests: the proposal (1–3 future slots), the answer and the route ids.
import { z } from 'zod';
import { text } from '$lib/server/http/text';
import * as m from '$lib/paraglide/messages';
import { zonedInstant } from '$lib/server/common/zoned-time';
import { dateTimeFormat } from '$lib/intl-cache';

export const idParam = z.uuid();
export const MEETING_DURATIONS = [30, 60, 90] as const;
export const MAX_SLOTS = 3;

const slot = z
	.object({ startsAt: z.date(), endsAt: z.date() })
	.refine((s) => s.endsAt > s.startsAt, { path: ['endsAt'], error: () => m.meetings_error_slot_order() });

/** What the service takes: slots as instants, checked against `now` there. */
export const meetingRequestSchema = z.object({
	message: text().trim().max(2000).default(''),
	slots: z.array(slot).min(1).max(MAX_SLOTS)
});
export type MeetingRequestInput = z.infer<typeof meetingRequestSchema>;

const localDateTime = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})$/;
const optionalLocal = z
	.string()
	.trim()
	.optional()
	.refine((v) => !v || localDateTime.test(v), { error: () => m.meetings_error_slot_invalid() });

/** The form: up to three `datetime-local` starts read in the viewer's time zone, one duration for all. */
export function meetingRequestFormSchema(timeZone: string, now: Date) {
	return z
		.object({
			message: text().trim().max(2000).default(''),
			duration: z.coerce.number().pipe(z.union(MEETING_DURATIONS.map((d) => z.literal(d)))),
			start_1: optionalLocal,
			start_2: optionalLocal,
			start_3: optionalLocal
		})
		.transform((form, ctx) => {
			const fields = (['start_1', 'start_2', 'start_3'] as const).filter((key) => form[key]);
			if (fields.length === 0)
				ctx.addIssue({ code: 'custom', path: ['start_1'], message: m.meetings_error_slot_required() });
			const slots = fields.map((key) => {
				const [, date, hours, minutes] = localDateTime.exec(form[key]!)!;
				const startsAt = zonedInstant(date, Number(hours) * 60 + Number(minutes), timeZone);
				if (startsAt <= now) ctx.addIssue({ code: 'custom', path: [key], message: m.meetings_error_slot_past() });
				return { startsAt, endsAt: new Date(startsAt.getTime() + form.duration * 60_000) };
			});
			return { message: form.message, slots };
		});
}

/** A `datetime-local` value for an instant in a time zone (the form's minimum). */
export function localInputValue(instant: Date, timeZone: string): string {
	const parts = Object.fromEntries(
		dateTimeFormat('en-CA', {
			timeZone,
			hourCycle: 'h23',
			year: 'numeric',
			month: '2-digit',
			day: '2-digit',
			hour: '2-digit',
			minute: '2-digit'
		})
			.formatToParts(instant)
			.map((p) => [p.type, p.value])
	);
	return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

export const acceptSchema = z.object({ slotId: z.uuid() });
export const declineSchema = z.object({ message: text().trim().min(1).max(2000) });
