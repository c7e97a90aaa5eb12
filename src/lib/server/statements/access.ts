// Who may read an organisation's money: its members and the operator. Anybody else gets the same
// 404 as for an organisation that does not exist.
import type { Executor } from '../db';
import { NotFoundError } from '../errors';
import type { Actor } from '../orgs/access';
import * as orgRepository from '../orgs/repository';

/** What a slug can look like; anything else (a NUL byte, say) is a 404 before it reaches PostgreSQL. */
export const isSlug = (slug: string) => /^[a-z0-9]+(-[a-z0-9]+)*$/.test(slug) && slug.length <= 100;

export async function requireOrganizationReader(db: Executor, actor: Actor, slug: string) {
	if (!isSlug(slug)) throw new NotFoundError();
	const org = await orgRepository.findOrganizationBySlug(db, slug);
	if (!org) throw new NotFoundError();
	if (actor.isOperator) return org;
	if (!(await orgRepository.findMembership(db, org.id, actor.id))) throw new NotFoundError();
	return org;
}

/** The organisations whose statements the user may read (their memberships), first joined first. */
export function listReadableOrganizations(db: Executor, userId: string) {
	return db
		.selectFrom('memberships')
		.innerJoin('organizations', 'organizations.id', 'memberships.org_id')
		.select(['organizations.id', 'organizations.slug', 'organizations.name_ko', 'organizations.name_en'])
		.where('memberships.user_id', '=', userId)
		.orderBy('memberships.created_at')
		.execute();
}
