import type { Executor } from '../db';
import { containsPattern } from '../db/like';
import type { MemberRole, NewOrganization, OrgStatus } from '../db/types';

export function findOrganizationBySlug(db: Executor, slug: string) {
	return db.selectFrom('organizations').selectAll().where('slug', '=', slug).executeTakeFirst();
}

export function findOrganizationById(db: Executor, id: string) {
	return db.selectFrom('organizations').selectAll().where('id', '=', id).executeTakeFirst();
}

export function insertOrganization(db: Executor, org: NewOrganization) {
	return db.insertInto('organizations').values(org).returningAll().executeTakeFirstOrThrow();
}

export function setOrganizationStatus(db: Executor, id: string, status: OrgStatus, reason: string | null) {
	return db
		.updateTable('organizations')
		.set({
			status,
			status_reason: reason,
			verified_at: status === 'verified' ? new Date() : null,
			updated_at: new Date()
		})
		.where('id', '=', id)
		.returningAll()
		.executeTakeFirstOrThrow();
}

export function listOrganizationsByStatus(db: Executor, status: OrgStatus) {
	return db
		.selectFrom('organizations')
		.leftJoin('users', 'users.id', 'organizations.created_by')
		.select([
			'organizations.id',
			'organizations.slug',
			'organizations.kind',
			'organizations.name_ko',
			'organizations.name_en',
			'organizations.summary_ko',
			'organizations.summary_en',
			'organizations.region',
			'organizations.website',
			'organizations.created_at',
			'organizations.updated_at',
			'organizations.status_reason',
			'users.email as creator_email',
			'users.name as creator_name'
		])
		.where('organizations.status', '=', status)
		.orderBy('organizations.created_at')
		.execute();
}

export function findMembership(db: Executor, orgId: string, userId: string) {
	return db
		.selectFrom('memberships')
		.selectAll()
		.where('org_id', '=', orgId)
		.where('user_id', '=', userId)
		.executeTakeFirst();
}

/** Locks the organisation's memberships, so role changes and removals are serialised per organisation. */
export function lockMemberships(db: Executor, orgId: string) {
	return db.selectFrom('memberships').selectAll().where('org_id', '=', orgId).forUpdate().execute();
}

export function insertMembership(db: Executor, orgId: string, userId: string, role: MemberRole) {
	return db.insertInto('memberships').values({ org_id: orgId, user_id: userId, role }).execute();
}

export function updateMembershipRole(db: Executor, orgId: string, userId: string, role: MemberRole) {
	return db
		.updateTable('memberships')
		.set({ role })
		.where('org_id', '=', orgId)
		.where('user_id', '=', userId)
		.execute();
}

export function deleteMembership(db: Executor, orgId: string, userId: string) {
	return db.deleteFrom('memberships').where('org_id', '=', orgId).where('user_id', '=', userId).execute();
}

export function listMembers(db: Executor, orgId: string) {
	return db
		.selectFrom('memberships')
		.innerJoin('users', 'users.id', 'memberships.user_id')
		.select(['users.id', 'users.name', 'users.email', 'memberships.role', 'memberships.created_at'])
		.where('memberships.org_id', '=', orgId)
		.orderBy('memberships.created_at')
		.execute();
}

export function listOrgAdminIds(db: Executor, orgId: string) {
	return db
		.selectFrom('memberships')
		.select('user_id')
		.where('org_id', '=', orgId)
		.where('role', 'in', ['owner', 'admin'])
		.execute()
		.then((rows) => rows.map((r) => r.user_id));
}

export function listUserMemberships(db: Executor, userId: string) {
	return db
		.selectFrom('memberships')
		.innerJoin('organizations', 'organizations.id', 'memberships.org_id')
		.select([
			'organizations.id',
			'organizations.slug',
			'organizations.kind',
			'organizations.name_ko',
			'organizations.name_en',
			'organizations.status',
			'organizations.status_reason',
			'memberships.role'
		])
		.where('memberships.user_id', '=', userId)
		.orderBy('memberships.created_at')
		.execute();
}

export function insertJoinRequest(db: Executor, orgId: string, userId: string, message: string) {
	return db
		.insertInto('join_requests')
		.values({ org_id: orgId, user_id: userId, message })
		.returningAll()
		.executeTakeFirstOrThrow();
}

export function findJoinRequestForUpdate(db: Executor, id: string) {
	return db.selectFrom('join_requests').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export function decideJoinRequest(db: Executor, id: string, status: 'accepted' | 'refused', decidedBy: string) {
	return db
		.updateTable('join_requests')
		.set({ status, decided_by: decidedBy, decided_at: new Date() })
		.where('id', '=', id)
		.execute();
}

export function listPendingJoinRequests(db: Executor, orgId: string) {
	return db
		.selectFrom('join_requests')
		.innerJoin('users', 'users.id', 'join_requests.user_id')
		.select(['join_requests.id', 'join_requests.message', 'join_requests.created_at', 'users.name', 'users.email'])
		.where('join_requests.org_id', '=', orgId)
		.where('join_requests.status', '=', 'pending')
		.orderBy('join_requests.created_at')
		.execute();
}

export function listUserPendingJoinRequests(db: Executor, userId: string) {
	return db
		.selectFrom('join_requests')
		.innerJoin('organizations', 'organizations.id', 'join_requests.org_id')
		.select([
			'join_requests.id',
			'organizations.slug',
			'organizations.name_ko',
			'organizations.name_en',
			'join_requests.created_at'
		])
		.where('join_requests.user_id', '=', userId)
		.where('join_requests.status', '=', 'pending')
		.execute();
}

export function listOpenInvitations(db: Executor, orgId: string) {
	return db
		.selectFrom('invitations')
		.select(['id', 'email', 'role', 'expires_at', 'created_at'])
		.where('org_id', '=', orgId)
		.where('accepted_at', 'is', null)
		.where('revoked_at', 'is', null)
		.where('expires_at', '>', new Date())
		.orderBy('created_at', 'desc')
		.execute();
}

export function searchVerifiedOrganizations(db: Executor, text: string, limit: number) {
	const pattern = containsPattern(text);
	return db
		.selectFrom('organizations')
		.select(['id', 'slug', 'kind', 'name_ko', 'name_en', 'summary_ko', 'summary_en', 'region'])
		.where('status', '=', 'verified')
		.where((eb) =>
			eb.or([eb('name_ko', 'ilike', pattern), eb('name_en', 'ilike', pattern), eb('slug', 'ilike', pattern)])
		)
		.orderBy('name_en')
		.limit(limit)
		.execute();
}
