// Queries of meeting requests and their proposed slots.
import type { Insertable } from 'kysely';
import type { Executor } from '../db';
import type { MeetingContextType, MeetingRequestsTable, MeetingStatus } from '../db/meetings-types';

export function insertRequest(db: Executor, values: Insertable<MeetingRequestsTable>) {
	return db.insertInto('meeting_requests').values(values).returningAll().executeTakeFirstOrThrow();
}

export function insertSlots(db: Executor, requestId: string, slots: { startsAt: Date; endsAt: Date }[]) {
	return db
		.insertInto('meeting_request_slots')
		.values(slots.map((s) => ({ request_id: requestId, starts_at: s.startsAt, ends_at: s.endsAt })))
		.returningAll()
		.execute();
}

export function findRequest(db: Executor, id: string) {
	return db.selectFrom('meeting_requests').selectAll().where('id', '=', id).executeTakeFirst();
}

export function lockRequest(db: Executor, id: string) {
	return db.selectFrom('meeting_requests').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export function listSlots(db: Executor, requestId: string) {
	return db
		.selectFrom('meeting_request_slots')
		.selectAll()
		.where('request_id', '=', requestId)
		.orderBy('starts_at')
		.execute();
}

export function updateStatus(
	db: Executor,
	id: string,
	values: {
		status: MeetingStatus;
		chosen_slot_id?: string;
		decline_message?: string;
		decided_by: string | null;
		decided_at: Date;
	}
) {
	return db.updateTable('meeting_requests').set(values).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

/** Requests sent or received by any of the user's organisations (a consultant's: only those addressed to them), newest first, with both names. */
export function listForMember(db: Executor, userId: string) {
	const orgIds = db.selectFrom('memberships').select('org_id').where('user_id', '=', userId);
	return db
		.selectFrom('meeting_requests as r')
		.innerJoin('organizations as rq', 'rq.id', 'r.requester_org_id')
		.innerJoin('organizations as rc', 'rc.id', 'r.recipient_org_id')
		.leftJoin('meeting_request_slots as s', 's.id', 'r.chosen_slot_id')
		.select([
			'r.id',
			'r.status',
			'r.created_at',
			'r.expires_at',
			'r.requester_org_id',
			'r.recipient_org_id',
			's.starts_at as chosen_starts_at'
		])
		.leftJoin('users as cu', 'cu.id', 'r.recipient_user_id')
		.select([
			'rq.name_ko as requester_name_ko',
			'rq.name_en as requester_name_en',
			'rc.name_ko as recipient_name_ko',
			'rc.name_en as recipient_name_en',
			'cu.name as consultant_name'
		])
		.where((eb) =>
			eb.or([
				eb('r.requester_org_id', 'in', orgIds),
				eb.and([eb('r.recipient_user_id', 'is', null), eb('r.recipient_org_id', 'in', orgIds)]),
				eb('r.recipient_user_id', '=', userId)
			])
		)
		.orderBy('r.created_at', 'desc')
		.limit(200)
		.execute();
}

/** Requests still unanswered at `now`, moved to `expired`; a second run finds none left. */
export function expireDue(db: Executor, now: Date) {
	return db
		.updateTable('meeting_requests')
		.set({ status: 'expired', decided_at: now })
		.where('status', '=', 'requested')
		.where('expires_at', '<=', now)
		.returningAll()
		.execute();
}

/** Requests about one context (e.g. a need response) that the user's organisations are party to. */
export function listForContext(db: Executor, userId: string, contextType: MeetingContextType, contextId: string) {
	const orgIds = db.selectFrom('memberships').select('org_id').where('user_id', '=', userId);
	return db
		.selectFrom('meeting_requests')
		.select(['id', 'status', 'created_at'])
		.where('context_type', '=', contextType)
		.where('context_id', '=', contextId)
		.where((eb) =>
			eb.or([
				eb('requester_org_id', 'in', orgIds),
				eb.and([eb('recipient_user_id', 'is', null), eb('recipient_org_id', 'in', orgIds)]),
				eb('recipient_user_id', '=', userId)
			])
		)
		.orderBy('created_at', 'desc')
		.execute();
}
