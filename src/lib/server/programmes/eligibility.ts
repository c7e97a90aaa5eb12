// Checks an organisation against a call's eligibility rules; every failure names its rule.
import type { Executor } from '../db';
import type { Eligibility, MfdsStage, ProgrammeCallRow } from '../db/programmes-types';
import type { EligibilityRule } from './rule-labels';

const STAGE_ORDER: Record<MfdsStage, number> = { none: 0, in_review: 1, approved: 2 };
const EMPLOYEE_BOUNDS: Record<string, [number, number]> = {
	'1-10': [1, 10],
	'11-50': [11, 50],
	'51-200': [51, 200],
	'201-1000': [201, 1000],
	'1000+': [1001, Number.POSITIVE_INFINITY]
};

export type OrgFacts = {
	kind: string;
	status: string;
	region: string;
	employeeRange: string | null;
	bestMfdsStage: MfdsStage;
	selectedInProgramme: boolean;
};

/** The rules an organisation with these facts breaks, in a fixed order (empty: eligible). */
export function brokenRules(rules: Eligibility, facts: OrgFacts): EligibilityRule[] {
	const broken: EligibilityRule[] = [];
	if (rules.orgKinds?.length && !rules.orgKinds.includes(facts.kind)) broken.push('org_kind');
	if (rules.verifiedOnly && facts.status !== 'verified') broken.push('verified');
	if (rules.regions?.length && !rules.regions.includes(facts.region)) broken.push('region');
	if (rules.minMfdsStage && STAGE_ORDER[facts.bestMfdsStage] < STAGE_ORDER[rules.minMfdsStage])
		broken.push('regulatory_stage');
	if (rules.minEmployees != null || rules.maxEmployees != null) {
		const bounds = facts.employeeRange ? EMPLOYEE_BOUNDS[facts.employeeRange] : undefined;
		const fits =
			bounds !== undefined &&
			bounds[0] >= (rules.minEmployees ?? 0) &&
			bounds[1] <= (rules.maxEmployees ?? Number.POSITIVE_INFINITY);
		if (!fits) broken.push('employee_count');
	}
	if (rules.notSelectedInProgramme && facts.selectedInProgramme) broken.push('already_selected');
	return broken;
}

export async function loadOrgFacts(db: Executor, orgId: string, call: ProgrammeCallRow): Promise<OrgFacts> {
	const org = await db
		.selectFrom('organizations')
		.select(['kind', 'status', 'region', 'employee_range'])
		.where('id', '=', orgId)
		.executeTakeFirstOrThrow();
	const products = await db.selectFrom('products').select('mfds_status').where('org_id', '=', orgId).execute();
	const best = products.reduce<MfdsStage>(
		(top, p) => (STAGE_ORDER[p.mfds_status as MfdsStage] > STAGE_ORDER[top] ? (p.mfds_status as MfdsStage) : top),
		'none'
	);
	const selected = await db
		.selectFrom('programme_applications as a')
		.innerJoin('programme_calls as c', 'c.id', 'a.call_id')
		.select('a.id')
		.where('a.organisation_id', '=', orgId)
		.where('a.status', '=', 'selected')
		.where('c.programme_key', '=', call.programme_key)
		.where('c.id', '<>', call.id)
		.executeTakeFirst();
	return {
		kind: org.kind,
		status: org.status,
		region: org.region,
		employeeRange: org.employee_range,
		bestMfdsStage: best,
		selectedInProgramme: selected !== undefined
	};
}

export async function checkEligibility(
	db: Executor,
	orgId: string,
	call: ProgrammeCallRow
): Promise<EligibilityRule[]> {
	return brokenRules(call.eligibility, await loadOrgFacts(db, orgId, call));
}
