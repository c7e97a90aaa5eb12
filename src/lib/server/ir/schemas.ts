// Every input of IR sessions: the schedule/edit form, registration, cancellation, the list query and
// the API bodies. Times arrive as `datetime-local` values read in the user's time zone.
import { z } from 'zod';
import { text as cleanText } from '$lib/server/http/text';
import * as m from '$lib/paraglide/messages';
import { IR_ACCESS } from '../db/ir-types';
import { regulatoryStage } from '../directory/schemas';
import { zonedInstant } from '$lib/server/common/zoned-time';

export const idParam = z.uuid();
export const DURATIONS = [15, 30, 45, 60, 90, 120, 180, 240] as const;
export const DECK_MAX_BYTES = 20 * 1024 * 1024;

const flag = z
	.union([z.literal(true), z.enum(['1', 'true', 'on'])])
	.optional()
	.transform((v) => v !== undefined);
const text = (max: number) => cleanText().trim().max(max).default('');
const ids = z
	.union([z.uuid(), z.array(z.uuid())])
	.optional()
	.transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]));
const localDateTime = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})$/;
/** A single query value: the last of repeated ones (the directory's parser lists some keys), '' as absent. */
const emptyToUndefined = (v: unknown) => {
	const value = Array.isArray(v) ? v[v.length - 1] : v;
	return value === '' ? undefined : value;
};

/** What the service takes to schedule or edit a session. */
export const eventInputSchema = z
	.object({
		titleKo: text(200),
		titleEn: text(200),
		summaryKo: text(20000),
		summaryEn: text(20000),
		startsAt: z.date(),
		durationMinutes: z.number().int().min(15).max(240),
		access: z.enum(IR_ACCESS),
		ndaRequired: z.boolean(),
		ndaText: text(20000),
		ndaVersion: text(40),
		presenterIds: z.array(z.uuid()).max(10).default([]),
		moderatorId: z.uuid()
	})
	.refine((v) => v.titleKo !== '' || v.titleEn !== '', { path: ['title_ko'], error: () => m.ir_error_title_required() })
	.refine((v) => !v.ndaRequired || v.ndaText !== '', {
		path: ['nda_text'],
		error: () => m.ir_error_nda_text_required()
	})
	.refine((v) => !v.ndaRequired || v.ndaVersion !== '', {
		path: ['nda_version'],
		error: () => m.ir_error_nda_version_required()
	});
export type EventInput = z.output<typeof eventInputSchema>;

/** The schedule/edit form; `deck` is a File (or an empty one when left blank). */
export function eventFormSchema(timeZone: string) {
	return z
		.object({
			title_ko: text(200),
			title_en: text(200),
			summary_ko: text(20000),
			summary_en: text(20000),
			starts_at: cleanText()
				.trim()
				.regex(localDateTime, { error: () => m.ir_error_start_invalid() }),
			duration_minutes: z.coerce.number().int().min(15).max(240),
			access: z.enum(IR_ACCESS),
			nda_required: flag,
			nda_text: text(20000),
			nda_version: text(40),
			presenters: ids.pipe(z.array(z.uuid()).max(10)),
			moderator_id: z.uuid(),
			deck: z.custom<File>((v) => v === undefined || v instanceof File).optional(),
			remove_deck: flag,
			org_id: z.uuid().optional()
		})
		.transform((form) => {
			const [, date, hours, minutes] = localDateTime.exec(form.starts_at)!;
			return {
				event: {
					titleKo: form.title_ko,
					titleEn: form.title_en,
					summaryKo: form.summary_ko,
					summaryEn: form.summary_en,
					startsAt: zonedInstant(date, Number(hours) * 60 + Number(minutes), timeZone),
					durationMinutes: form.duration_minutes,
					access: form.access,
					ndaRequired: form.nda_required,
					ndaText: form.nda_text,
					ndaVersion: form.nda_version,
					presenterIds: form.presenters,
					moderatorId: form.moderator_id
				},
				deck: form.deck,
				removeDeck: form.remove_deck,
				orgId: form.org_id
			};
		})
		.superRefine((value, ctx) => {
			const parsed = eventInputSchema.safeParse(value.event);
			if (parsed.success) return;
			for (const issue of parsed.error.issues)
				ctx.addIssue({
					code: 'custom',
					path: issue.path.map((p) => (p === 'ndaText' ? 'nda_text' : p === 'ndaVersion' ? 'nda_version' : p)),
					message: issue.message
				});
		});
}

/** The registration form: the NDA checkbox and the version the page showed. */
export const registerFormSchema = z.object({
	nda_accept: flag,
	nda_version: cleanText()
		.trim()
		.max(40)
		.optional()
		.transform((v) => v || null)
});

/** POST /api/v1/ir/events/{id}/registrations */
export const registerBodySchema = z
	.object({
		ndaVersion: cleanText()
			.trim()
			.max(40)
			.nullable()
			.optional()
			.meta({ description: 'The NDA version you accept; required when the session has an NDA' })
	})
	.meta({ id: 'IrRegistrationRequest' });

export const cancelFormSchema = z.object({ reason: cleanText().trim().min(1).max(1000) });

/** The list's query: upcoming or past, text, the startup's field tag and regulatory stage, a date range. */
export const eventsQuerySchema = z.object({
	tab: z.enum(['upcoming', 'past']).default('upcoming'),
	q: cleanText().trim().max(100).default(''),
	field: z.preprocess(
		emptyToUndefined,
		cleanText()
			.max(60)
			.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)
			.optional()
	),
	stage: z.preprocess(emptyToUndefined, regulatoryStage.optional()),
	from: z.preprocess(emptyToUndefined, z.iso.date().optional()),
	to: z.preprocess(emptyToUndefined, z.iso.date().optional()),
	page: z.coerce.number().int().min(1).max(500).default(1)
});
export type EventsQuery = z.output<typeof eventsQuerySchema>;
