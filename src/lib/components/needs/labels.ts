// Translated labels for needs enumerations; called at render time so the current locale applies.
import * as m from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { dateTimeFormat } from '$lib/intl-cache';
import { pick } from '$lib/localized';

const types: Record<string, () => string> = {
	clinical_validation: m.needs_type_clinical_validation,
	joint_research: m.needs_type_joint_research,
	pilot_procurement: m.needs_type_pilot_procurement,
	data_collaboration: m.needs_type_data_collaboration,
	advisory: m.needs_type_advisory
};
const visibilities: Record<string, () => string> = {
	all_members: m.needs_visibility_all_members,
	companies_only: m.needs_visibility_companies_only,
	invited: m.needs_visibility_invited
};
const statuses: Record<string, () => string> = {
	open: m.needs_status_open,
	matched: m.needs_status_matched,
	closed: m.needs_status_closed
};
const stages: Record<string, () => string> = {
	none: m.needs_stage_none,
	clinical_trial: m.needs_stage_clinical_trial,
	mfds_in_review: m.needs_stage_mfds_in_review,
	mfds_approved: m.needs_stage_mfds_approved,
	fda_cleared: m.needs_stage_fda_cleared,
	ce_marked: m.needs_stage_ce_marked
};
const responseStatuses: Record<string, () => string> = {
	submitted: m.needs_response_status_submitted,
	shortlisted: m.needs_response_status_shortlisted,
	accepted: m.needs_response_status_accepted,
	declined: m.needs_response_status_declined
};
const supports: Record<string, () => string> = {
	budget: m.needs_support_budget,
	patients: m.needs_support_patients,
	data: m.needs_support_data,
	space: m.needs_support_space
};

export const NEED_TYPES = Object.keys(types);
export const NEED_STAGES = Object.keys(stages);
export const NEED_VISIBILITIES = Object.keys(visibilities);
export const SUPPORT_KINDS = Object.keys(supports);
export const typeLabel = (type: string) => types[type]?.() ?? type;
export const visibilityLabel = (v: string) => visibilities[v]?.() ?? v;
export const statusLabel = (s: string) => statuses[s]?.() ?? s;
export const stageLabel = (s: string) => stages[s]?.() ?? s;
export const responseStatusLabel = (s: string) => responseStatuses[s]?.() ?? s;
export const supportLabel = (s: string) => supports[s]?.() ?? s;
export const responseTone = (s: string) =>
	s === 'accepted' ? 'success' : s === 'declined' ? 'danger' : s === 'shortlisted' ? 'primary' : 'neutral';
export const statusTone = (s: string) => (s === 'open' ? 'success' : s === 'matched' ? 'primary' : 'neutral');

/** Support flags of a need that are set. */
export const supportFlags = (n: {
	support_budget: boolean;
	support_patients: boolean;
	support_data: boolean;
	support_space: boolean;
}) => (['budget', 'patients', 'data', 'space'] as const).filter((k) => n[`support_${k}`]);

/** A date-only deadline in the reader's locale (stored as UTC midnight). */
export const formatDeadline = (value: string | Date | null) =>
	value
		? dateTimeFormat(getLocale() === 'en' ? 'en-GB' : 'ko-KR', { dateStyle: 'medium', timeZone: 'UTC' }).format(
				new Date(value)
			)
		: m.needs_no_deadline();

/** The "why this match" line from the parts of a score. */
export function whyLine(reasons: {
	shared_terms: { name_ko: string; name_en: string }[];
	stage_met: boolean;
	required_stage: string;
	text_score: number;
}) {
	const parts: string[] = [];
	if (reasons.shared_terms.length)
		parts.push(m.needs_why_tags({ tags: reasons.shared_terms.map((t) => pick(t.name_ko, t.name_en)).join(', ') }));
	if (reasons.stage_met) parts.push(m.needs_why_stage({ stage: stageLabel(reasons.required_stage) }));
	if (reasons.text_score >= 0.3) parts.push(m.needs_why_text());
	return parts.join(' · ');
}
