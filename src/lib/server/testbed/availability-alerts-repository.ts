// Queries of availability alerts (the holds they lead to: slot-holds-repository.ts).
import { sql } from 'kysely';
import type { Executor } from '../db';

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
