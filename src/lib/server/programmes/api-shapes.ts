// Rows → the JSON the programmes API returns, and the zod shapes the OpenAPI document shows for them.
import { z } from 'zod';
import { APPLICATION_STATUSES, QUESTION_KINDS, type ProgrammeApplicationRow } from '../db/programmes-types';
import type { listCalls } from './repository';
import type { readCall } from './call-view';

const names = z.object({ ko: z.string(), en: z.string() });

export const callSummarySchema = z
	.object({
		id: z.uuid(),
		title: names,
		organisation: names,
		field: names.nullable(),
		region: z.string(),
		places: z.number().int(),
		budgetKrw: z.number().int(),
		opensAt: z.iso.datetime(),
		closesAt: z.iso.datetime(),
		open: z.boolean()
	})
	.meta({ id: 'ProgrammeCallSummary' });

export const callSchema = callSummarySchema
	.extend({
		description: names,
		voucherAmountKrw: z.number().int(),
		programmeEndsAt: z.iso.datetime(),
		eligibility: z
			.record(z.string(), z.unknown())
			.describe(
				'Rules checked automatically: orgKinds, verifiedOnly, regions, minMfdsStage, minEmployees, maxEmployees, notSelectedInProgramme'
			),
		questions: z.array(
			z.object({
				id: z.string(),
				kind: z.enum(QUESTION_KINDS),
				label: names,
				required: z.boolean(),
				options: z.array(z.string()).optional()
			})
		),
		rubric: z.array(z.object({ id: z.string(), label: names, weight: z.number().int() })),
		selected: z.array(z.object({ slug: z.string(), name: names }))
	})
	.meta({ id: 'ProgrammeCall' });

export const applicationSchema = z
	.object({
		id: z.uuid(),
		callId: z.uuid(),
		organisationId: z.uuid(),
		status: z.enum(APPLICATION_STATUSES),
		submittedAt: z.iso.datetime().nullable()
	})
	.meta({ id: 'ProgrammeApplication' });

type CallListRow = Awaited<ReturnType<typeof listCalls>>[number];

export function callSummaryJson(c: CallListRow) {
	return {
		id: c.id,
		title: { ko: c.title_ko, en: c.title_en },
		organisation: { ko: c.org_name_ko, en: c.org_name_en },
		field: c.field_ko ? { ko: c.field_ko, en: c.field_en ?? c.field_ko } : null,
		region: c.region,
		places: c.places,
		budgetKrw: c.budget_krw,
		opensAt: c.opens_at.toISOString(),
		closesAt: c.closes_at.toISOString(),
		open: c.is_open
	};
}

export function callJson(view: Awaited<ReturnType<typeof readCall>>) {
	const { call } = view;
	return {
		id: call.id,
		title: { ko: call.title_ko, en: call.title_en },
		organisation: { ko: view.org.name_ko, en: view.org.name_en },
		field: view.field ? { ko: view.field.name_ko, en: view.field.name_en } : null,
		region: call.region,
		places: call.places,
		budgetKrw: call.budget_krw,
		opensAt: call.opens_at.toISOString(),
		closesAt: call.closes_at.toISOString(),
		open: view.isOpen,
		description: { ko: call.description_ko, en: call.description_en },
		voucherAmountKrw: call.voucher_amount_krw,
		programmeEndsAt: call.programme_ends_at.toISOString(),
		eligibility: call.eligibility,
		questions: call.questions.map((q) => ({
			id: q.id,
			kind: q.kind,
			label: { ko: q.label_ko, en: q.label_en },
			required: q.required,
			...(q.options ? { options: q.options } : {})
		})),
		rubric: call.rubric.map((c) => ({ id: c.id, label: { ko: c.label_ko, en: c.label_en }, weight: c.weight })),
		selected: view.selected.map((s) => ({ slug: s.slug, name: { ko: s.name_ko, en: s.name_en } }))
	};
}

export function applicationJson(a: ProgrammeApplicationRow) {
	return {
		id: a.id,
		callId: a.call_id,
		organisationId: a.organisation_id,
		status: a.status,
		submittedAt: a.submitted_at ? a.submitted_at.toISOString() : null
	};
}
