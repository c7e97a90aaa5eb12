// The translated messages of the programmes' error codes (spread into http/errors.ts).
import * as m from '$lib/paraglide/messages';
import { ruleLabel } from './rule-labels';

export const programmesErrorMessages = {
	programmes_not_manager: (_p, o) => m.programmes_error_not_manager({}, o),
	programmes_not_company_admin: (_p, o) => m.programmes_error_not_company_admin({}, o),
	programmes_call_closed: (_p, o) => m.programmes_error_call_closed({}, o),
	programmes_not_eligible: (p, o) => m.programmes_error_not_eligible({ rule: ruleLabel(String(p.rule ?? ''), o?.locale) }, o),
	programmes_already_applied: (_p, o) => m.programmes_error_already_applied({}, o),
	programmes_answers_incomplete: (p, o) => m.programmes_error_answers_incomplete({ question: String(p.question ?? '') }, o),
	programmes_places_full: (_p, o) => m.programmes_error_places_full({}, o),
	programmes_conflicts_undeclared: (_p, o) => m.programmes_error_conflicts_undeclared({}, o),
	programmes_review_incomplete: (_p, o) => m.programmes_error_review_incomplete({}, o)
} satisfies Record<string, (p: Record<string, string | number>, o?: { locale: 'ko' | 'en' }) => string>;
