// An eligibility rule's name as a reader sees it.
import * as m from '$lib/paraglide/messages';

const labels: Record<string, () => string> = {
	org_kind: m.programmes_rule_org_kind,
	verified: m.programmes_rule_verified,
	region: m.programmes_rule_region,
	regulatory_stage: m.programmes_rule_regulatory_stage,
	employee_count: m.programmes_rule_employee_count,
	already_selected: m.programmes_rule_already_selected
};
export const ruleText = (rule: string) => labels[rule]?.() ?? rule;
