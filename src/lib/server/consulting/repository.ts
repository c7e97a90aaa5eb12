// Queries of consulting: a call's consultants and the sessions booked with them (meeting requests
// in context 'programme_consulting', context_id = the call).
import { sql } from 'kysely';
import type { Executor } from '../db';

export function listConsultants(db: Executor, callId: string) {
	return db
		.selectFrom('programme_consultants as c')
		.innerJoin('users as u', 'u.id', 'c.user_id')
		.select(['u.id', 'u.name', 'u.email'])
		.where('c.call_id', '=', callId)
		.where('u.disabled_at', 'is', null)
		.orderBy('u.name')
		.execute();
}

export async function isConsultant(db: Executor, callId: string, userId: string): Promise<boolean> {
	return (
		(await db
			.selectFrom('programme_consultants')
			.select('user_id')
			.where('call_id', '=', callId)
			.where('user_id', '=', userId)
			.executeTakeFirst()) !== undefined
	);
}

export function addConsultant(db: Executor, callId: string, userId: string, addedBy: string) {
	return db
		.insertInto('programme_consultants')
		.values({ call_id: callId, user_id: userId, added_by: addedBy })
		.onConflict((oc) => oc.doNothing())
		.returningAll()
		.executeTakeFirst();
}

export function removeConsultant(db: Executor, callId: string, userId: string) {
	return db
		.deleteFrom('programme_consultants')
		.where('call_id', '=', callId)
		.where('user_id', '=', userId)
		.returningAll()
		.executeTakeFirst();
}

export function findActiveUserByEmail(db: Executor, email: string) {
	return db
		.selectFrom('users')
		.select(['id', 'name', 'email'])
		.where(sql`lower(email)`, '=', email.toLowerCase())
		.where('disabled_at', 'is', null)
		.executeTakeFirst();
}

/** People of the running organisation, offered as consultants with one click. */
export function listOrgPeople(db: Executor, orgId: string) {
	return db
		.selectFrom('memberships as m')
		.innerJoin('users as u', 'u.id', 'm.user_id')
		.select(['u.id', 'u.name', 'u.email'])
		.where('m.org_id', '=', orgId)
		.where('u.disabled_at', 'is', null)
		.orderBy('u.name')
		.execute();
}

/** Organisations of the user that were selected in the call. */
export function listSelectedOrgsOf(db: Executor, callId: string, userId: string) {
	return db
		.selectFrom('programme_applications as a')
		.innerJoin('memberships as m', 'm.org_id', 'a.organisation_id')
		.innerJoin('organizations as o', 'o.id', 'a.organisation_id')
		.select(['o.id', 'o.name_ko', 'o.name_en'])
		.where('a.call_id', '=', callId)
		.where('a.status', '=', 'selected')
		.where('m.user_id', '=', userId)
		.orderBy('o.name_en')
		.execute();
}

export type SessionFilter = { requesterOrgIds?: string[]; consultantId?: string };

/** The call's consulting requests, newest first, narrowed to some companies or one consultant. */
export function listSessions(db: Executor, callId: string, filter: SessionFilter = {}) {
	let query = db
		.selectFrom('meeting_requests as r')
		.innerJoin('organizations as o', 'o.id', 'r.requester_org_id')
		.innerJoin('users as u', 'u.id', 'r.recipient_user_id')
		.leftJoin('meeting_request_slots as s', 's.id', 'r.chosen_slot_id')
		.select([
			'r.id',
			'r.status',
			'r.created_at',
			'o.name_ko as company_ko',
			'o.name_en as company_en',
			'u.name as consultant',
			's.starts_at',
			's.ends_at'
		])
		.where('r.context_type', '=', 'programme_consulting')
		.where('r.context_id', '=', callId);
	if (filter.requesterOrgIds)
		query = query.where(
			'r.requester_org_id',
			'in',
			filter.requesterOrgIds.length ? filter.requesterOrgIds : ['00000000-0000-0000-0000-000000000000']
		);
	if (filter.consultantId) query = query.where('r.recipient_user_id', '=', filter.consultantId);
	return query.orderBy('r.created_at', 'desc').limit(200).execute();
}

/** Accepted consulting sessions of one company across every call, with hours, oldest first. */
export function listHeldByOrg(db: Executor, orgId: string) {
	return db
		.selectFrom('meeting_requests as r')
		.innerJoin('meeting_request_slots as s', 's.id', 'r.chosen_slot_id')
		.innerJoin('programme_calls as c', 'c.id', 'r.context_id')
		.innerJoin('users as u', 'u.id', 'r.recipient_user_id')
		.select([
			'r.id',
			'c.title_ko',
			'c.title_en',
			'u.name as consultant',
			's.starts_at',
			sql<number>`extract(epoch from s.ends_at - s.starts_at) / 3600`.as('hours')
		])
		.where('r.context_type', '=', 'programme_consulting')
		.where('r.status', '=', 'accepted')
		.where('r.requester_org_id', '=', orgId)
		.orderBy('s.starts_at')
		.execute();
}
