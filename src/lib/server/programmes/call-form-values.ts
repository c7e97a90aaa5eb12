// A stored call as the call form's field values, so the edit form opens with what is posted.
import type { ProgrammeCallRow } from '../db/programmes-types';
import { localParts } from '$lib/server/common/zoned-time';
import { CRITERION_ROWS, QUESTION_ROWS, SEOUL } from './schemas';

/** `YYYY-MM-DDTHH:mm` in Seoul, as a datetime-local field reads it. */
export function seoulLocal(instant: Date): string {
	const p = localParts(instant, SEOUL);
	return `${p.date}T${String(Math.floor(p.minutes / 60)).padStart(2, '0')}:${String(p.minutes % 60).padStart(2, '0')}`;
}

export function callFormValues(call: ProgrammeCallRow, reviewerEmails: string[]): Record<string, string> {
	const e = call.eligibility;
	const values: Record<string, string> = {
		orgId: call.org_id,
		programme_key: call.programme_key,
		title_ko: call.title_ko,
		title_en: call.title_en,
		description_ko: call.description_ko,
		description_en: call.description_en,
		field_term_id: call.field_term_id ?? '',
		region: call.region,
		budget_krw: String(call.budget_krw),
		places: String(call.places),
		voucher_amount_krw: String(call.voucher_amount_krw),
		opens_at: seoulLocal(new Date(call.opens_at)),
		closes_at: seoulLocal(new Date(call.closes_at)),
		programme_ends_at: seoulLocal(new Date(call.programme_ends_at)),
		org_kinds: (e.orgKinds ?? []).join(','),
		verified_only: e.verifiedOnly ? 'on' : '',
		regions: (e.regions ?? []).join(', '),
		min_mfds_stage: e.minMfdsStage ?? 'none',
		min_employees: e.minEmployees == null ? '' : String(e.minEmployees),
		max_employees: e.maxEmployees == null ? '' : String(e.maxEmployees),
		not_selected_in_programme: e.notSelectedInProgramme ? 'on' : '',
		reviewer_emails: reviewerEmails.join(', ')
	};
	call.questions.slice(0, QUESTION_ROWS).forEach((q, i) => {
		Object.assign(values, {
			[`q${i}_kind`]: q.kind,
			[`q${i}_label_ko`]: q.label_ko,
			[`q${i}_label_en`]: q.label_en,
			[`q${i}_options`]: (q.options ?? []).join(', '),
			[`q${i}_required`]: q.required ? 'on' : ''
		});
	});
	call.rubric.slice(0, CRITERION_ROWS).forEach((c, i) => {
		Object.assign(values, {
			[`r${i}_label_ko`]: c.label_ko,
			[`r${i}_label_en`]: c.label_en,
			[`r${i}_weight`]: String(c.weight)
		});
	});
	return values;
}
