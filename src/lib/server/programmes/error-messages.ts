// The translated messages of the programmes' error codes (spread into http/errors.ts).
import * as m from '$lib/paraglide/messages';
import { ruleLabel } from './rule-labels';

type Options = { locale: 'ko' | 'en' } | undefined;
/** The form's own label of a field a call's phase locks, so the refusal names what the manager sees. */
const LOCKED_LABELS: Record<string, (i: object, o: Options) => string> = {
	programme_key: m.programmes_field_programme_key,
	org_id: m.programmes_field_org,
	title_ko: m.programmes_field_title_ko,
	title_en: m.programmes_field_title_en,
	field_term_id: m.programmes_filter_field,
	region: m.programmes_filter_region,
	voucher_amount_krw: m.programmes_field_voucher,
	opens_at: m.programmes_field_opens_at,
	eligibility: m.programmes_section_eligibility,
	questions: m.programmes_section_questions,
	rubric: m.programmes_section_rubric
};

function callEditRefused(p: Record<string, string | number>, o: Options): string {
	switch (p.rule) {
		case 'closes_earlier':
			return m.call_edit_error_closes_earlier({}, o);
		case 'closes_after_close':
			return m.call_edit_error_closes_after_close({}, o);
		case 'places_down':
			return m.call_edit_error_places_down({}, o);
		case 'ends_earlier':
			return m.call_edit_error_ends_earlier({}, o);
		default:
			return m.call_edit_error_locked(
				{ field: (LOCKED_LABELS[String(p.field)] ?? m.programmes_section_call)({}, o) },
				o
			);
	}
}

export const programmesErrorMessages = {
	programmes_not_manager: (_p, o) => m.programmes_error_not_manager({}, o),
	programmes_not_company_admin: (_p, o) => m.programmes_error_not_company_admin({}, o),
	programmes_call_closed: (_p, o) => m.programmes_error_call_closed({}, o),
	programmes_not_eligible: (p, o) =>
		m.programmes_error_not_eligible({ rule: ruleLabel(String(p.rule ?? ''), o?.locale) }, o),
	programmes_already_applied: (_p, o) => m.programmes_error_already_applied({}, o),
	programmes_answers_incomplete: (p, o) =>
		m.programmes_error_answers_incomplete({ question: String(p.question ?? '') }, o),
	programmes_places_full: (_p, o) => m.programmes_error_places_full({}, o),
	programmes_conflicts_undeclared: (_p, o) => m.programmes_error_conflicts_undeclared({}, o),
	programmes_review_incomplete: (_p, o) => m.programmes_error_review_incomplete({}, o),
	programmes_call_edit_refused: callEditRefused
} satisfies Record<string, (p: Record<string, string | number>, o?: { locale: 'ko' | 'en' }) => string>;
