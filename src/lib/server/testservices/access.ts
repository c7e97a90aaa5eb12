// Who may see a testing-service request and what part they play in it: members of the requesting
// organisation, its admins (who alone decide on the quote), the facility's managers, operators.
// Anyone else gets a 404, as with need attachments, so a request's existence does not leak.
import type { Executor } from '../db';
import { NotFoundError } from '../errors';
import type { Actor } from '../orgs/access';
import { findMembership } from '../orgs/repository';
import { isFacilityManager } from '../testbed/access';
import * as repo from './repository';

/** `member` includes operators (they see everything); `orgMember` is a real membership of the requesting organisation. */
export type Role = { member: boolean; orgMember: boolean; orgAdmin: boolean; manager: boolean };

export async function roleIn(
	db: Executor,
	actor: Actor,
	request: { org_id: string; facility_id: string }
): Promise<Role> {
	const membership = await findMembership(db, request.org_id, actor.id);
	const orgAdmin = membership?.role === 'owner' || membership?.role === 'admin';
	return {
		member: !!membership || actor.isOperator,
		orgMember: !!membership,
		orgAdmin,
		manager: await isFacilityManager(db, actor, request.facility_id)
	};
}

/** The request and the actor's role; 404 for anyone who has no part in it. */
export async function requireVisibleRequest(db: Executor, actor: Actor, id: string) {
	const request = await repo.findRequest(db, id);
	if (!request) throw new NotFoundError();
	const role = await roleIn(db, actor, request);
	if (!role.member && !role.manager) throw new NotFoundError();
	return { request, role };
}
