// Queries of availability alerts and slot holds. Hold ranges leave the database as starts_at/ends_at.
import { sql } from 'kysely';
import type { Executor } from '../db';
import { range } from './repository';

export type NewAlert = {
	resourceId: string;
	userId: string;
	orgId: string;
	start: Date;
	end: Date;
	minMinutes: number | null;
};

export function insertAlert(db: Executor, a: NewAlert) {
	return db
		.insertInto('availability_alerts')
		.values({
			resource_id: a.resourceId,
			user_id: a.userId,
			org_id: a.orgId,
			starts_at: a.start,
			ends_at: a.end,
			min_minutes: a.minMinutes
		})
		.returningAll()
		.executeTakeFirstOrThrow();
}

export function findAlertForUpdate(db: Executor, id: string) {
	return db.selectFrom('availability_alerts').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export function closeAlert(db: Executor, id: string, status: 'cancelled' | 'fulfilled', now: Date) {
	return db
		.updateTable('availability_alerts')
		.set({ status, closed_at: now })
		.where('id', '=', id)
		.where('status', '=', 'active')
		.execute();
}

/** A user's alerts, newest first, with the resource's names and the live hold, if any. */
export function listAlertsOfUser(db: Executor, userId: string, resourceId?: string) {
	let query = db
		.selectFrom('availability_alerts as a')
		.innerJoin('resources as r', 'r.id', 'a.resource_id')
		.leftJoin('slot_holds as h', (join) => join.onRef('h.alert_id', '=', 'a.id').on('h.status', '=', 'offered'))
		.select([
			'a.id',
			'a.resource_id',
			'a.starts_at',
			'a.ends_at',
			'a.min_minutes',
			'a.status',
			'a.created_at',
			'r.slug as resource_slug',
			'r.name_ko as resource_name_ko',
			'r.name_en as resource_name_en',
			'h.id as hold_id',
			'h.expires_at as hold_expires_at',
			sql<Date | null>`lower(h.during)`.as('hold_starts_at'),
			sql<Date | null>`upper(h.during)`.as('hold_ends_at')
		])
		.where('a.user_id', '=', userId)
		.orderBy('a.created_at', 'desc');
	if (resourceId) query = query.where('a.resource_id', '=', resourceId);
	return query.execute();
}

/** Active alerts of a resource in the order they were made: the order holds are offered in. */
export function listActiveAlerts(db: Executor, resourceId: string) {
	return db
		.selectFrom('availability_alerts')
		.selectAll()
		.where('resource_id', '=', resourceId)
		.where('status', '=', 'active')
		.orderBy('created_at')
		.orderBy('id')
		.execute();
}

export async function listResourcesWithActiveAlerts(db: Executor): Promise<string[]> {
	const rows = await db
		.selectFrom('availability_alerts')
		.select('resource_id')
		.distinct()
		.where('status', '=', 'active')
		.execute();
	return rows.map((r) => r.resource_id);
}

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
