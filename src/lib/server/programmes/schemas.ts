// Every input of programmes: the call form, application answers, reviews, decisions and the API.
import { z } from 'zod';
import { text as cleanText } from '$lib/server/http/text';
import * as m from '$lib/paraglide/messages';
import { MFDS_STAGES, QUESTION_KINDS, type Criterion, type Question } from '../db/programmes-types';
import { zonedInstant } from '$lib/server/common/zoned-time';
import { DEFAULT_TIME_ZONE } from '$lib/time-zone';

export const idParam = z.uuid();
export const SEOUL = DEFAULT_TIME_ZONE;
/** Rows the call form offers for questions and rubric criteria (blank rows are ignored). */
export const QUESTION_ROWS = 6;
export const CRITERION_ROWS = 5;

const flag = z
	.union([z.literal(true), z.enum(['1', 'true', 'on'])])
	.optional()
	.transform((v) => v !== undefined);
const text = (max: number) => cleanText().trim().max(max).default('');
const list = z
	.union([z.string(), z.array(z.string())])
	.optional()
	.transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]));
const optionalInt = (max: number) =>
	z
		.union([z.literal('').transform(() => null), z.coerce.number().int().min(0).max(max)])
		.optional()
		.transform((v) => v ?? null);
/** `YYYY-MM-DDTHH:mm` as typed in a datetime-local field, read as Seoul time. */
const seoulTime = z
	.string()
	.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, { error: () => m.programmes_error_time_format() })
	.transform((v) => zonedInstant(v.slice(0, 10), Number(v.slice(11, 13)) * 60 + Number(v.slice(14, 16)), SEOUL));

export const callFormSchema = z
	.object({
		orgId: z.uuid(),
		programme_key: z
			.string()
			.trim()
			.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: () => m.programmes_error_programme_key() })
			.max(60),
		title_ko: cleanText().trim().min(1).max(200),
		title_en: cleanText().trim().min(1).max(200),
		description_ko: text(20000),
		description_en: text(20000),
		field_term_id: z
			.uuid()
			.optional()
			.or(z.literal('').transform(() => undefined)),
		region: text(60),
		budget_krw: z.coerce.number().int().min(0).max(1e13),
		places: z.coerce.number().int().min(1).max(1000),
		voucher_amount_krw: z.coerce.number().int().min(0).max(1e12).default(0),
		opens_at: seoulTime,
		closes_at: seoulTime,
		programme_ends_at: seoulTime,
		org_kinds: list.pipe(z.array(z.enum(['company', 'hospital', 'agency', 'university', 'investor']))),
		verified_only: flag,
		regions: text(300),
		min_mfds_stage: z.enum(MFDS_STAGES).default('none'),
		min_employees: optionalInt(1_000_000),
		max_employees: optionalInt(1_000_000),
		not_selected_in_programme: flag,
		reviewer_emails: text(2000)
	})
	.loose()
	.refine((v) => v.closes_at > v.opens_at, {
		path: ['closes_at'],
		error: () => m.programmes_error_closes_before_opens()
	})
	.refine((v) => v.programme_ends_at > v.closes_at, {
		path: ['programme_ends_at'],
		error: () => m.programmes_error_ends_before_closes()
	});
export type CallFormInput = z.output<typeof callFormSchema>;

const questionRow = z.object({
	kind: z.enum(QUESTION_KINDS),
	label_ko: cleanText().trim().max(300),
	label_en: cleanText().trim().max(300),
	required: flag,
	options: text(1000)
});
const criterionRow = z.object({
	label_ko: cleanText().trim().max(200),
	label_en: cleanText().trim().max(200),
	weight: z.coerce.number().int().min(1).max(100)
});

/** The numbered question and criterion rows of the call form, blank ones left out. */
export function readFormRows(
	raw: Record<string, unknown>
): { questions: Question[]; rubric: Criterion[] } | { error: string } {
	const questions: Question[] = [];
	for (let i = 0; i < QUESTION_ROWS; i++) {
		const row = questionRow.safeParse({
			kind: raw[`q${i}_kind`] || 'short_text',
			label_ko: raw[`q${i}_label_ko`] ?? '',
			label_en: raw[`q${i}_label_en`] ?? '',
			required: raw[`q${i}_required`],
			options: raw[`q${i}_options`] ?? ''
		});
		if (!row.success) return { error: `q${i}_label_ko` };
		const q = row.data;
		if (!q.label_ko && !q.label_en) continue;
		const options =
			q.kind === 'choice'
				? q.options
						.split(/[\n,]/)
						.map((o) => o.trim())
						.filter(Boolean)
				: undefined;
		if (q.kind === 'choice' && !options?.length) return { error: `q${i}_options` };
		questions.push({
			id: `q${i}`,
			kind: q.kind,
			label_ko: q.label_ko || q.label_en,
			label_en: q.label_en || q.label_ko,
			required: q.required,
			...(options ? { options } : {})
		});
	}
	const rubric: Criterion[] = [];
	for (let i = 0; i < CRITERION_ROWS; i++) {
		if (!raw[`r${i}_label_ko`] && !raw[`r${i}_label_en`]) continue;
		const row = criterionRow.safeParse({
			label_ko: raw[`r${i}_label_ko`] ?? '',
			label_en: raw[`r${i}_label_en`] ?? '',
			weight: raw[`r${i}_weight`] || 1
		});
		if (!row.success) return { error: `r${i}_weight` };
		rubric.push({
			id: `c${i}`,
			label_ko: row.data.label_ko || row.data.label_en,
			label_en: row.data.label_en || row.data.label_ko,
			weight: row.data.weight
		});
	}
	if (rubric.length === 0) return { error: 'r0_label_ko' };
	return { questions, rubric };
}

/** Answers as typed: one text per question id (files arrive separately). */
export const answersSchema = z.record(z.string().regex(/^q\d{1,2}$/), cleanText().max(10000)).default({});

export const listQuerySchema = z.object({
	field: z
		.uuid()
		.optional()
		.or(z.literal('').transform(() => undefined)),
	region: cleanText()
		.trim()
		.max(60)
		.optional()
		.transform((v) => v || undefined)
});

export const applyApiSchema = z.object({ organisationId: z.uuid(), answers: answersSchema });

export const conflictsFormSchema = z.object({ conflicted: list.pipe(z.array(z.uuid())) });

export const reviewFormSchema = z
	.object({ comment: text(5000), intent: z.enum(['save', 'submit']).default('save') })
	.loose();

export const decisionFormSchema = z
	.object({ applicationId: z.uuid(), decision: z.enum(['selected', 'reserve', 'declined']), reason: text(2000) })
	.refine((v) => v.decision !== 'declined' || v.reason !== '', {
		path: ['reason'],
		error: () => m.programmes_error_reason_required()
	});
export type DecisionInput = z.output<typeof decisionFormSchema>;

export const applicationFormSchema = z
	.object({ organisationId: z.uuid(), intent: z.enum(['save', 'submit']).default('save') })
	.loose();
export const withdrawFormSchema = z.object({ applicationId: z.uuid() });

/** Typed answers (`answer_q0`…) and chosen PDFs (`file_q0`…) of the application form. */
export function readAnswerFields(form: FormData, questions: Question[], isFilled: (v: unknown) => v is File) {
	const raw: Record<string, string> = {};
	const files = new Map<string, File>();
	for (const q of questions) {
		if (q.kind === 'file') {
			const file = form.get(`file_${q.id}`);
			if (isFilled(file)) files.set(q.id, file);
		} else {
			const value = form.get(`answer_${q.id}`);
			if (typeof value === 'string') raw[q.id] = value;
		}
	}
	const answers = answersSchema.safeParse(raw);
	return answers.success ? { ok: true as const, answers: answers.data, files } : { ok: false as const };
}

/** Scores of the rubric's criteria from `score_c0`… radio groups (missing ones stay unscored). */
export function readScores(raw: Record<string, unknown>, rubric: Criterion[]): Record<string, number> {
	const scores: Record<string, number> = {};
	for (const c of rubric) {
		const score = z.coerce.number().int().min(1).max(5).safeParse(raw[`score_${c.id}`]);
		if (score.success) scores[c.id] = score.data;
	}
	return scores;
}
