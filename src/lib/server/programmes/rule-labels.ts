// The eligibility rules by name, and what each means to a reader.
import * as m from '$lib/paraglide/messages';

export const ELIGIBILITY_RULES = [
	'org_kind',
	'verified',
	'region',
	'regulatory_stage',
	'employee_count',
	'already_selected'
] as const;
export type EligibilityRule = (typeof ELIGIBILITY_RULES)[number];

const labels: Record<EligibilityRule, (i: object, o?: { locale: 'ko' | 'en' }) => string> = {
	org_kind: m.programmes_rule_org_kind,
	verified: m.programmes_rule_verified,
	region: m.programmes_rule_region,
	regulatory_stage: m.programmes_rule_regulatory_stage,
	employee_count: m.programmes_rule_employee_count,
	already_selected: m.programmes_rule_already_selected
};

export function ruleLabel(rule: string, locale?: 'ko' | 'en'): string {
	const label = labels[rule as EligibilityRule];
	return label ? label({}, locale ? { locale } : undefined) : rule;
}
