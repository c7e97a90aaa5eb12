// "A verified member of an organisation (of kind X)": the check behind every member feature, written once.
import type { Executor } from '../db';
import type { OrgKind } from '../db/types';

/**
 * The verified organisations the user belongs to, optionally only those of `kinds`, oldest membership
 * first (the first one is the default organisation a user acts for).
 */
export function listVerifiedMemberships(db: Executor, userId: string, kinds?: readonly OrgKind[]) {
	let query = db
		.selectFrom('memberships')
		.innerJoin('organizations as o', 'o.id', 'memberships.org_id')
		.select(['o.id', 'o.slug', 'o.name_ko', 'o.name_en', 'o.kind', 'memberships.role'])
		.where('memberships.user_id', '=', userId)
		.where('o.status', '=', 'verified');
	if (kinds) query = query.where('o.kind', 'in', kinds);
	return query.orderBy('memberships.created_at').execute();
}

/** Whether the user belongs to at least one verified organisation (of `kinds`, when given). */
export async function isVerifiedMemberOf(db: Executor, userId: string, kinds?: readonly OrgKind[]): Promise<boolean> {
	return (await listVerifiedMemberships(db, userId, kinds)).length > 0;
}
