// Who stands where around a need: hospital staff, the hospital side (author, reviewers, hospital
// admins) and the responding companies' members.
import type { Executor } from '../db';
import type { Actor } from '../orgs/access';
import { listVerifiedMemberships } from '../common/verified-memberships';

type NeedRef = { id: string; hospital_org_id: string; author_id: string | null };

/** Verified hospitals the user belongs to (where they may post needs). */
export const listStaffHospitals = (db: Executor, userId: string) => listVerifiedMemberships(db, userId, ['hospital']);

/** Verified companies the user belongs to (on whose behalf they may respond). */
export const listMemberCompanies = (db: Executor, userId: string) => listVerifiedMemberships(db, userId, ['company']);

export type NeedRole = {
	hospitalMember: boolean;
	hospitalAdmin: boolean;
	author: boolean;
	reviewer: boolean;
	hospitalSide: boolean;
};

export async function needRole(db: Executor, actor: Actor, need: NeedRef): Promise<NeedRole> {
	const membership = await db
		.selectFrom('memberships')
		.select('role')
		.where('org_id', '=', need.hospital_org_id)
		.where('user_id', '=', actor.id)
		.executeTakeFirst();
	const reviewer =
		(await db
			.selectFrom('need_reviewers')
			.select('user_id')
			.where('need_id', '=', need.id)
			.where('user_id', '=', actor.id)
			.executeTakeFirst()) !== undefined;
	const hospitalAdmin = membership?.role === 'owner' || membership?.role === 'admin';
	const author = need.author_id === actor.id && membership !== undefined;
	return {
		hospitalMember: membership !== undefined,
		hospitalAdmin,
		author,
		reviewer,
		hospitalSide: hospitalAdmin || author || reviewer
	};
}

/** Everybody on the hospital side of a need, for notifications. */
export async function listHospitalSideUserIds(db: Executor, need: NeedRef): Promise<string[]> {
	const rows = await db
		.selectFrom('memberships')
		.select('user_id')
		.where('org_id', '=', need.hospital_org_id)
		.where((eb) =>
			eb.or([
				eb('role', 'in', ['owner', 'admin']),
				eb('user_id', '=', need.author_id ?? '00000000-0000-0000-0000-000000000000')
			])
		)
		.union(db.selectFrom('need_reviewers').select('user_id').where('need_id', '=', need.id))
		.execute();
	return [...new Set(rows.map((r) => r.user_id))];
}

/** The members of a responding company who hear about their response: its author and the company admins. */
export async function listCompanySideUserIds(
	db: Executor,
	response: { org_id: string; author_id: string | null }
): Promise<string[]> {
	const rows = await db
		.selectFrom('memberships')
		.select('user_id')
		.where('org_id', '=', response.org_id)
		.where((eb) =>
			eb.or([
				eb('role', 'in', ['owner', 'admin']),
				eb('user_id', '=', response.author_id ?? '00000000-0000-0000-0000-000000000000')
			])
		)
		.execute();
	return rows.map((r) => r.user_id);
}

export async function isMemberOf(db: Executor, userId: string, orgId: string): Promise<boolean> {
	return (
		(await db
			.selectFrom('memberships')
			.select('user_id')
			.where('org_id', '=', orgId)
			.where('user_id', '=', userId)
			.executeTakeFirst()) !== undefined
	);
}
