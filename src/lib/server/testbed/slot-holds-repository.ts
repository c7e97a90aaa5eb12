// Queries of slot holds, and the resource row lock that serialises offering and taking them. Ranges
// leave the database as starts_at/ends_at.
import { sql } from 'kysely';
import type { Executor } from '../db';
import { range } from './repository';

const holdColumns = [
	'id',
	'alert_id',
	'resource_id',
	'user_id',
	'status',
	'expires_at',
	sql<Date>`lower(during)`.as('starts_at'),
	sql<Date>`upper(during)`.as('ends_at')
] as const;

export function insertHold(
	db: Executor,
	h: { alertId: string; resourceId: string; userId: string; start: Date; end: Date; expiresAt: Date }
) {
	return db
		.insertInto('slot_holds')
		.values({
			alert_id: h.alertId,
			resource_id: h.resourceId,
			user_id: h.userId,
			during: range(h.start, h.end),
			expires_at: h.expiresAt
		})
		.returning(holdColumns)
		.executeTakeFirstOrThrow();
}

/** Every hold of the resource's alerts touching [from, to): live ones block, closed ones say who already had a turn. */
export function listHoldsIn(db: Executor, resourceId: string, from: Date, to: Date) {
	return db
		.selectFrom('slot_holds')
		.select(holdColumns)
		.where('resource_id', '=', resourceId)
		.where(sql<boolean>`during && ${range(from, to)}`)
		.execute();
}

/** Live holds overlapping [start, end) that still run at `now`. */
export function listLiveHoldsOverlapping(db: Executor, resourceId: string, start: Date, end: Date, now: Date) {
	return db
		.selectFrom('slot_holds')
		.select(holdColumns)
		.where('resource_id', '=', resourceId)
		.where('status', '=', 'offered')
		.where('expires_at', '>', now)
		.where(sql<boolean>`during && ${range(start, end)}`)
		.execute();
}

export function closeHolds(db: Executor, ids: string[], status: 'booked' | 'expired' | 'released', now: Date) {
	if (ids.length === 0) return Promise.resolve([]);
	return db
		.updateTable('slot_holds')
		.set({ status, closed_at: now })
		.where('id', 'in', ids)
		.where('status', '=', 'offered')
		.returning(holdColumns)
		.execute();
}

export function listLapsedHolds(db: Executor, resourceId: string, now: Date) {
	return db
		.selectFrom('slot_holds')
		.select(holdColumns)
		.where('resource_id', '=', resourceId)
		.where('status', '=', 'offered')
		.where('expires_at', '<=', now)
		.execute();
}

/** Serialises everything that offers or takes a hold on one resource (not key share: booking inserts pass). */
export async function lockResource(db: Executor, resourceId: string) {
	await db.selectFrom('resources').select('id').where('id', '=', resourceId).forNoKeyUpdate().executeTakeFirst();
}
