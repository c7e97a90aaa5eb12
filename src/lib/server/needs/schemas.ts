// Every input of the needs feature: forms, the needs query, API bodies and socket events.
import { z } from 'zod';
import { text as cleanText } from '$lib/server/http/text';
import * as m from '$lib/paraglide/messages';
import { NEED_STAGES, NEED_TYPES, NEED_VISIBILITIES, RESPONSE_STATUSES } from '../db/needs-types';

export const idParam = z.uuid();
const flag = z
	.union([z.literal(true), z.enum(['1', 'true', 'on'])])
	.optional()
	.transform((v) => v !== undefined);
const text = (max: number) => cleanText().trim().max(max).default('');
const ids = z
	.union([z.uuid(), z.array(z.uuid())])
	.optional()
	.transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]));
const isoDate = z.iso.date();

/** A new need, from the form (multi-value fields arrive as arrays) or the API. */
export const newNeedSchema = z
	.object({
		hospitalOrgId: z.uuid().optional(),
		locale: z.enum(['ko', 'en']).default('ko'),
		title_ko: text(200),
		title_en: text(200),
		description_ko: text(20000),
		description_en: text(20000),
		department: z
			.uuid()
			.optional()
			.or(z.literal('').transform(() => undefined)),
		terms: ids.pipe(z.array(z.uuid()).max(12)),
		type: z.enum(NEED_TYPES),
		required_stage: z.enum(NEED_STAGES).default('none'),
		evidence_note: text(2000),
		support_budget: flag,
		support_patients: flag,
		support_data: flag,
		support_space: flag,
		support_note: text(2000),
		deadline: isoDate.optional().or(z.literal('').transform(() => undefined)),
		visibility: z.enum(NEED_VISIBILITIES).default('all_members'),
		invited: ids.pipe(z.array(z.uuid()).max(50))
	})
	.refine((v) => v.title_ko !== '' || v.title_en !== '', {
		path: ['title_ko'],
		error: () => m.needs_error_title_required()
	})
	.refine((v) => v.visibility !== 'invited' || v.invited.length > 0, {
		path: ['invited'],
		error: () => m.needs_error_invited_required()
	});
export type NewNeedInput = z.output<typeof newNeedSchema>;

export const needsQuerySchema = z.object({
	q: cleanText().trim().max(100).default(''),
	department: cleanText()
		.max(60)
		.regex(/^[a-z0-9-]*$/)
		.default(''),
	type: z
		.enum(NEED_TYPES)
		.optional()
		.or(z.literal('').transform(() => undefined)),
	deadline: z.enum(['any', 'week', 'month', 'open']).default('any'),
	status: z.enum(['open', 'all']).default('open'),
	saved: flag,
	page: z.coerce.number().int().min(1).max(500).default(1)
});
export type NeedsQuery = z.output<typeof needsQuerySchema>;

export const respondSchema = z.object({
	orgId: z.uuid().optional(),
	message: cleanText().trim().min(1).max(10000),
	productIds: ids.pipe(z.array(z.uuid()).max(20))
});
export type RespondInput = z.output<typeof respondSchema>;

const decisionFields = z.object({
	decision: z.enum(['shortlisted', 'accepted', 'declined'] satisfies (typeof RESPONSE_STATUSES)[number][]),
	reason: cleanText()
		.trim()
		.max(2000)
		.optional()
		.transform((v) => v || undefined),
	markMatched: flag
});
const reasonWhenDeclined = (v: { decision: string; reason?: string }) => v.decision !== 'declined' || !!v.reason;
const reasonError = { path: ['reason'], error: () => m.needs_error_reason_required() };
export const decisionSchema = decisionFields.refine(reasonWhenDeclined, reasonError);
/** The decision form on the need page names the response it decides. */
export const decisionFormSchema = decisionFields
	.extend({ responseId: z.uuid() })
	.refine(reasonWhenDeclined, reasonError);
export type DecisionInput = z.output<typeof decisionSchema>;

export const noteSchema = z.object({ body: cleanText().trim().min(1).max(5000) });
export const messageSchema = z.object({ body: cleanText().trim().min(1).max(5000) });
export const reviewerSchema = z.object({ userId: z.uuid() });

/** Socket events of response threads. */
export const threadJoinSchema = z.object({ responseId: z.uuid() });
export const threadPostSchema = z.object({ responseId: z.uuid(), body: cleanText().trim().min(1).max(5000) });
