// Queries of the live room: who may enter a session, attendance, removals and the session's status.
import { sql } from 'kysely';
import type { Executor } from '../../db';
import type { IrLiveRole } from '../../db/ir-live-types';
import { isVerifiedMemberOf } from '../../common/verified-memberships';

export function findEvent(db: Executor, eventId: string) {
	return db.selectFrom('ir_events').selectAll().where('id', '=', eventId).executeTakeFirst();
}

export function lockEvent(db: Executor, eventId: string) {
	return db.selectFrom('ir_events').selectAll().where('id', '=', eventId).forUpdate().executeTakeFirst();
}

export async function isPresenter(db: Executor, eventId: string, userId: string): Promise<boolean> {
	const row = await db
		.selectFrom('ir_event_presenters')
		.select('user_id')
		.where('event_id', '=', eventId)
		.where('user_id', '=', userId)
		.executeTakeFirst();
	return Boolean(row);
}

export function listPresenterIds(db: Executor, eventId: string) {
	return db.selectFrom('ir_event_presenters').select('user_id').where('event_id', '=', eventId).execute();
}

/** The user's registration unless cancelled. */
export function findActiveRegistration(db: Executor, eventId: string, userId: string) {
	return db
		.selectFrom('ir_registrations')
		.select(['nda_version', 'org_id'])
		.where('event_id', '=', eventId)
		.where('user_id', '=', userId)
		.where('cancelled_at', 'is', null)
		.executeTakeFirst();
}

/** Whether the user is, today, a member of a verified investor organisation. */
export async function isVerifiedInvestor(db: Executor, userId: string): Promise<boolean> {
	return isVerifiedMemberOf(db, userId, ['investor']);
}

export async function isRemoved(db: Executor, eventId: string, userId: string): Promise<boolean> {
	const row = await db
		.selectFrom('ir_removals')
		.select('user_id')
		.where('event_id', '=', eventId)
		.where('user_id', '=', userId)
		.executeTakeFirst();
	return Boolean(row);
}

export async function insertRemoval(db: Executor, eventId: string, userId: string, removedBy: string): Promise<void> {
	await db
		.insertInto('ir_removals')
		.values({ event_id: eventId, user_id: userId, removed_by: removedBy })
		.onConflict((oc) => oc.doNothing())
		.execute();
}

export async function startAttendance(
	db: Executor,
	eventId: string,
	userId: string,
	role: IrLiveRole
): Promise<string> {
	const row = await db
		.insertInto('ir_attendance')
		.values({ event_id: eventId, user_id: userId, role })
		.returning('id')
		.executeTakeFirstOrThrow();
	return row.id;
}

export async function endAttendance(db: Executor, attendanceId: string): Promise<void> {
	await db
		.updateTable('ir_attendance')
		.set({ left_at: new Date() })
		.where('id', '=', attendanceId)
		.where('left_at', 'is', null)
		.execute();
}

/** Closes every open attendance row of a session (it ended). */
export async function endOpenAttendance(db: Executor, eventId: string): Promise<void> {
	await db
		.updateTable('ir_attendance')
		.set({ left_at: new Date() })
		.where('event_id', '=', eventId)
		.where('left_at', 'is', null)
		.execute();
}

export async function raisePeakViewers(db: Executor, eventId: string, viewers: number): Promise<void> {
	await db
		.updateTable('ir_events')
		.set({ peak_viewers: sql<number>`greatest(peak_viewers, ${viewers})` })
		.where('id', '=', eventId)
		.where('peak_viewers', '<', viewers)
		.execute();
}

export function markLive(db: Executor, eventId: string, now: Date) {
	return db
		.updateTable('ir_events')
		.set({ status: 'live', live_started_at: now, updated_at: now, sequence: sql<number>`sequence + 1` })
		.where('id', '=', eventId)
		.where('status', '=', 'scheduled')
		.returningAll()
		.executeTakeFirst();
}

export function markEnded(db: Executor, eventId: string, now: Date) {
	return db
		.updateTable('ir_events')
		.set({ status: 'ended', ended_at: now, updated_at: now, sequence: sql<number>`sequence + 1` })
		.where('id', '=', eventId)
		.where('status', 'in', ['scheduled', 'live'])
		.returningAll()
		.executeTakeFirst();
}
