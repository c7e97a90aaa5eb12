// Who may do what in the testbed: facility managers, the booker, the booker's org admins, operators.
import type { Executor } from '../db';
import type { Actor } from '../orgs/access';
import { OrgNotVerifiedError } from '../orgs/errors';
import { NotFoundError } from '../errors';
import { NotFacilityManagerError } from './errors';
import { listVerifiedMemberships } from '../common/verified-memberships';

/** Owners/admins of the organisation that runs the facility, plus the staff appointed to it. */
export async function listFacilityManagerIds(db: Executor, facilityId: string): Promise<string[]> {
	const rows = await db
		.selectFrom('facilities')
		.innerJoin('memberships', 'memberships.org_id', 'facilities.org_id')
		.select('memberships.user_id')
		.where('facilities.id', '=', facilityId)
		.where('memberships.role', 'in', ['owner', 'admin'])
		.union(db.selectFrom('facility_managers').select('user_id').where('facility_id', '=', facilityId))
		.execute();
	return [...new Set(rows.map((r) => r.user_id))];
}

/** Facilities the actor manages (every facility for operators). */
export async function listManagedFacilityIds(db: Executor, actor: Actor): Promise<string[]> {
	if (actor.isOperator) return (await db.selectFrom('facilities').select('id').execute()).map((r) => r.id);
	const rows = await db
		.selectFrom('facilities')
		.innerJoin('memberships', 'memberships.org_id', 'facilities.org_id')
		.select('facilities.id')
		.where('memberships.user_id', '=', actor.id)
		.where('memberships.role', 'in', ['owner', 'admin'])
		.union(db.selectFrom('facility_managers').select('facility_id as id').where('user_id', '=', actor.id))
		.execute();
	return rows.map((r) => r.id);
}

export async function isFacilityManager(db: Executor, actor: Actor, facilityId: string): Promise<boolean> {
	if (actor.isOperator) return true;
	return (await listFacilityManagerIds(db, facilityId)).includes(actor.id);
}

export async function requireFacilityManager(db: Executor, actor: Actor, facilityId: string): Promise<void> {
	if (!(await isFacilityManager(db, actor, facilityId))) throw new NotFacilityManagerError();
}

export type BookingRole = { booker: boolean; orgAdmin: boolean; orgMember: boolean; manager: boolean };

/**
 * How the actor relates to a booking; somebody unrelated gets a 404, as if it did not exist. Plain
 * colleagues of the booker count only where `orgMembers` says so (checking in for the booker).
 */
export async function requireBookingRole(
	db: Executor,
	actor: Actor,
	booking: { user_id: string; org_id: string; facility_id: string },
	options: { orgMembers?: boolean } = {}
): Promise<BookingRole> {
	const booker = booking.user_id === actor.id;
	const membership = await db
		.selectFrom('memberships')
		.select('role')
		.where('org_id', '=', booking.org_id)
		.where('user_id', '=', actor.id)
		.executeTakeFirst();
	const orgAdmin = membership?.role === 'owner' || membership?.role === 'admin';
	const orgMember = membership !== undefined;
	const manager = await isFacilityManager(db, actor, booking.facility_id);
	if (!booker && !orgAdmin && !manager && !(options.orgMembers && orgMember)) throw new NotFoundError();
	return { booker, orgAdmin, orgMember, manager };
}

/** The verified organisations the user may book for. */
export const listBookingOrganizations = (db: Executor, userId: string) => listVerifiedMemberships(db, userId);

/** The organisation a booking is made for: the one asked for, else the user's first verified one. */
export async function resolveBookingOrganization(
	db: Executor,
	userId: string,
	orgId: string | undefined
): Promise<string> {
	const orgs = await listBookingOrganizations(db, userId);
	const chosen = orgId ? orgs.find((o) => o.id === orgId) : orgs[0];
	if (!chosen) throw new OrgNotVerifiedError();
	return chosen.id;
}
