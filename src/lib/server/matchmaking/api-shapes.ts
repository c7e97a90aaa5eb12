// The JSON of theses and suggestions in /api/v1, and their schemas for the OpenAPI document.
import { z } from 'zod';
import * as m from '$lib/paraglide/messages';
import type { Thesis } from './thesis-repository';
import type { Suggestion } from './suggestions';

type Locale = 'ko' | 'en';

export const thesisJsonSchema = z.object({
	stages: z.array(z.string()),
	regulatoryStages: z.array(z.string()),
	ticketMinKrw: z.number(),
	ticketMaxKrw: z.number(),
	fields: z.array(z.object({ id: z.string(), nameKo: z.string(), nameEn: z.string() }))
});

export const thesisJson = (t: Thesis): z.infer<typeof thesisJsonSchema> => ({
	stages: t.stages,
	regulatoryStages: t.regulatory_stages,
	ticketMinKrw: t.ticket_min_krw,
	ticketMaxKrw: t.ticket_max_krw,
	fields: t.terms.map((term) => ({ id: term.id, nameKo: term.name_ko, nameEn: term.name_en }))
});

/** The "why" lines of a suggestion, in the reader's language (the page prints the same lines). */
export function whyLines(s: Suggestion, locale: Locale): string[] {
	return [
		...s.shared_terms.map((t) => m.match_why_field({ name: locale === 'ko' ? t.name_ko : t.name_en }, { locale })),
		...s.stages_met.map((stage) => m.match_why_stage({ stage: stageLabel(stage, locale) }, { locale })),
		...(s.ticket_fits ? [m.match_why_ticket({}, { locale })] : [])
	];
}

export function stageLabel(stage: string, locale: Locale): string {
	const labels: Record<string, () => string> = {
		pre_clinical: () => m.thesis_reg_pre_clinical({}, { locale }),
		clinical_trial: () => m.thesis_reg_clinical_trial({}, { locale }),
		mfds_approved: () => m.thesis_reg_mfds_approved({}, { locale }),
		fda_cleared: () => m.thesis_reg_fda_cleared({}, { locale }),
		ce_marked: () => m.thesis_reg_ce_marked({}, { locale })
	};
	return labels[stage]?.() ?? stage;
}

export const suggestionJsonSchema = z.object({
	slug: z.string(),
	nameKo: z.string(),
	nameEn: z.string(),
	score: z.number(),
	why: z.array(z.string())
});

export const suggestionJson = (s: Suggestion, locale: Locale): z.infer<typeof suggestionJsonSchema> => ({
	slug: s.slug,
	nameKo: s.name_ko,
	nameEn: s.name_en,
	score: s.score,
	why: whyLines(s, locale)
});
