// Rows → the JSON the API returns, and the zod shapes the OpenAPI document shows for them.
import { z } from 'zod';
import * as m from '$lib/paraglide/messages';
import { NEED_STAGES, NEED_STATUSES, NEED_TYPES, NEED_VISIBILITIES, RESPONSE_STATUSES } from '../db/needs-types';
import type { CompanyMatch } from './matching';
import type { NeedSummary } from './repository';

const names = z.object({ ko: z.string(), en: z.string() });

export const needSummarySchema = z
	.object({
		id: z.uuid(),
		title: names,
		type: z.enum(NEED_TYPES),
		status: z.enum(NEED_STATUSES),
		visibility: z.enum(NEED_VISIBILITIES),
		requiredStage: z.enum(NEED_STAGES),
		deadline: z.iso.date().nullable(),
		hospital: z.object({ slug: z.string(), name: names }),
		department: z.object({ slug: z.string(), name: names }).nullable(),
		support: z.object({ budget: z.boolean(), patients: z.boolean(), data: z.boolean(), space: z.boolean() }),
		createdAt: z.iso.datetime()
	})
	.meta({ id: 'NeedSummary' });

export const attachmentSchema = z
	.object({
		id: z.uuid(),
		filename: z.string(),
		size: z.number().int(),
		url: z.string().describe('Download path of the PDF (GET, same authentication as the API)')
	})
	.meta({ id: 'NeedAttachment' });

export const needSchema = needSummarySchema
	.extend({
		description: names,
		evidenceNote: z.string(),
		supportNote: z.string(),
		attachments: z.array(attachmentSchema)
	})
	.meta({ id: 'Need' });

export const needListSchema = z.object({
	needs: z.array(needSummarySchema),
	total: z.number().int(),
	page: z.number().int()
});

export const matchSchema = z
	.object({
		organization: z.object({ slug: z.string(), name: names }),
		score: z.number(),
		sharedTags: z.array(names),
		stageMet: z.boolean(),
		textScore: z.number(),
		why: z.string()
	})
	.meta({ id: 'NeedMatch' });

export const responseSchema = z
	.object({
		id: z.uuid(),
		needId: z.uuid(),
		orgId: z.uuid(),
		status: z.enum(RESPONSE_STATUSES),
		message: z.string(),
		productIds: z.array(z.uuid()),
		createdAt: z.iso.datetime()
	})
	.meta({ id: 'NeedResponse' });

export const needSummaryJson = (n: Omit<NeedSummary, 'saved'>) => ({
	id: n.id,
	title: { ko: n.title_ko, en: n.title_en },
	type: n.type,
	status: n.status,
	visibility: n.visibility,
	requiredStage: n.required_stage,
	deadline: n.deadline,
	hospital: { slug: n.hospital_slug, name: { ko: n.hospital_name_ko, en: n.hospital_name_en } },
	department: n.department_slug
		? { slug: n.department_slug, name: { ko: n.department_name_ko ?? '', en: n.department_name_en ?? '' } }
		: null,
	support: { budget: n.support_budget, patients: n.support_patients, data: n.support_data, space: n.support_space },
	createdAt: new Date(n.created_at).toISOString()
});

type Attachment = { id: string; filename: string; size_bytes: number };

export const needJson = (
	n: Omit<NeedSummary, 'saved'> & {
		description_ko: string;
		description_en: string;
		evidence_note: string;
		support_note: string;
	},
	attachments: Attachment[] = []
) => ({
	...needSummaryJson(n),
	description: { ko: n.description_ko, en: n.description_en },
	evidenceNote: n.evidence_note,
	supportNote: n.support_note,
	attachments: attachments.map((a) => ({
		id: a.id,
		filename: a.filename,
		size: a.size_bytes,
		url: `/api/v1/needs/${n.id}/attachments/${a.id}`
	}))
});

/** "Why this match" in the request's language (the API's counterpart of the page's line). */
function why(match: CompanyMatch, locale: 'ko' | 'en') {
	const parts: string[] = [];
	if (match.shared_terms.length)
		parts.push(
			m.needs_why_tags(
				{ tags: match.shared_terms.map((t) => (locale === 'en' ? t.name_en : t.name_ko)).join(', ') },
				{ locale }
			)
		);
	if (match.stage_met) parts.push(m.needs_why_stage({ stage: match.required_stage }, { locale }));
	if (match.text_score >= 0.3) parts.push(m.needs_why_text({}, { locale }));
	return parts.join(' · ');
}

export const matchJson = (match: CompanyMatch, locale: 'ko' | 'en') => ({
	organization: { slug: match.slug, name: { ko: match.name_ko, en: match.name_en } },
	score: match.score,
	sharedTags: match.shared_terms.map((t) => ({ ko: t.name_ko, en: t.name_en })),
	stageMet: match.stage_met,
	textScore: match.text_score,
	why: why(match, locale)
});

export const responseJson = (r: {
	id: string;
	need_id: string;
	org_id: string;
	status: string;
	message: string;
	product_ids: string[];
	created_at: Date;
}) => ({
	id: r.id,
	needId: r.need_id,
	orgId: r.org_id,
	status: r.status,
	message: r.message,
	productIds: r.product_ids,
	createdAt: r.created_at.toISOString()
});
