// Who may do what to an organisation: the checks every org route and service call makes.
import type { Executor } from '../db';
import type { MemberRole } from '../db/types';
import { NotFoundError } from '../errors';
import { NotOrgAdminError, OrgNotVerifiedError } from './errors';
import * as orgRepository from './repository';
import { isVerifiedMemberOf } from '../common/verified-memberships';

export type Actor = { id: string; isOperator: boolean };

/** The membership of an org admin (owner or admin); operators pass as admins. */
export async function requireOrgAdmin(
	db: Executor,
	actor: Actor,
	orgId: string
): Promise<{ role: MemberRole | 'operator' }> {
	const membership = await orgRepository.findMembership(db, orgId, actor.id);
	if (membership && (membership.role === 'owner' || membership.role === 'admin')) return membership;
	if (actor.isOperator) return { role: 'operator' };
	throw new NotOrgAdminError();
}

/** True when the user belongs to at least one verified organisation (member features). */
export const isVerifiedMember = (db: Executor, userId: string): Promise<boolean> => isVerifiedMemberOf(db, userId);

export async function requireVerifiedMember(db: Executor, userId: string): Promise<void> {
	if (!(await isVerifiedMember(db, userId))) throw new OrgNotVerifiedError();
}

/** An organisation a viewer may see: verified ones for everybody, others only for members and operators. */
export async function findVisibleOrganization(db: Executor, slug: string, viewer: Actor | null) {
	const org = await orgRepository.findOrganizationBySlug(db, slug);
	if (!org) throw new NotFoundError();
	if (org.status === 'verified' || viewer?.isOperator) return org;
	if (viewer && (await orgRepository.findMembership(db, org.id, viewer.id))) return org;
	throw new NotFoundError();
}
