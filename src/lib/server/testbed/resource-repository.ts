// Queries of resource management: a resource's row, its weekly hours and its blackouts.
import { sql } from 'kysely';
import type { Executor } from '../db';
import { range } from './repository';
import type { ResourceInput } from './resource-schemas';

export function insertResource(db: Executor, facilityId: string, input: ResourceInput) {
	return db
		.insertInto('resources')
		.values({ ...input, facility_id: facilityId })
		.returning(['id', 'slug'])
		.executeTakeFirstOrThrow();
}

export function updateResource(db: Executor, id: string, input: ResourceInput) {
	return db
		.updateTable('resources')
		.set(input)
		.where('id', '=', id)
		.returning(['id', 'slug'])
		.executeTakeFirstOrThrow();
}

/** Locks the resource row: changes to one resource (rules, hours, blackouts) run one after the other. */
export function lockResource(db: Executor, id: string) {
	return db
		.selectFrom('resources')
		.select(['id', 'slug', 'facility_id'])
		.where('id', '=', id)
		.forUpdate()
		.executeTakeFirst();
}

/** The facility a resource belongs to, without locking (for a rights check before heavy work). */
export function findResourceFacility(db: Executor, id: string) {
	return db.selectFrom('resources').select(['id', 'facility_id']).where('id', '=', id).executeTakeFirst();
}

export async function replaceHours(
	db: Executor,
	resourceId: string,
	hours: { weekday: number; opens: string; closes: string }[]
) {
	await db.deleteFrom('resource_hours').where('resource_id', '=', resourceId).execute();
	if (hours.length)
		await db
			.insertInto('resource_hours')
			.values(hours.map((h) => ({ ...h, resource_id: resourceId })))
			.execute();
}

export function insertBlackout(
	db: Executor,
	resourceId: string,
	b: { start: Date; end: Date; reason_ko: string; reason_en: string }
) {
	return db
		.insertInto('resource_blackouts')
		.values({ resource_id: resourceId, during: range(b.start, b.end), reason_ko: b.reason_ko, reason_en: b.reason_en })
		.returning('id')
		.executeTakeFirstOrThrow();
}

export function deleteBlackout(db: Executor, resourceId: string, id: string) {
	return db
		.deleteFrom('resource_blackouts')
		.where('id', '=', id)
		.where('resource_id', '=', resourceId)
		.returning([
			'id',
			'reason_ko',
			'reason_en',
			sql<Date>`lower(during)`.as('starts_at'),
			sql<Date>`upper(during)`.as('ends_at')
		])
		.executeTakeFirst();
}

/** Blackouts that have not ended yet, soonest first. */
export function listCurrentBlackouts(db: Executor, resourceId: string, now: Date) {
	return db
		.selectFrom('resource_blackouts')
		.select([
			'id',
			'reason_ko',
			'reason_en',
			sql<Date>`lower(during)`.as('starts_at'),
			sql<Date>`upper(during)`.as('ends_at')
		])
		.where('resource_id', '=', resourceId)
		.where(sql<boolean>`upper(during) > ${now}`)
		.orderBy(sql`lower(during)`)
		.execute();
}

/** Bookings still holding time in [start, end): a new blackout does not cancel them, the manager should know. */
export async function countActiveBookingsIn(db: Executor, resourceId: string, start: Date, end: Date) {
	const row = await db
		.selectFrom('bookings')
		.select((eb) => eb.fn.countAll<string>().as('n'))
		.where('resource_id', '=', resourceId)
		.where('status', 'in', ['pending', 'confirmed'])
		.where(sql<boolean>`during && ${range(start, end)}`)
		.executeTakeFirstOrThrow();
	return Number(row.n);
}

export function listManagedResources(db: Executor, facilityIds: string[]) {
	if (!facilityIds.length) return Promise.resolve([]);
	return db
		.selectFrom('resources')
		.innerJoin('facilities', 'facilities.id', 'resources.facility_id')
		.select([
			'resources.id',
			'resources.slug',
			'resources.kind',
			'resources.name_ko',
			'resources.name_en',
			'resources.active',
			'resources.auto_confirm',
			'facilities.name_ko as facility_name_ko',
			'facilities.name_en as facility_name_en'
		])
		.where('resources.facility_id', 'in', facilityIds)
		.orderBy('facilities.slug')
		.orderBy('resources.name_en')
		.execute();
}

export function listAllCredentials(db: Executor) {
	return db.selectFrom('credentials').select(['id', 'name_ko', 'name_en']).orderBy('name_en').execute();
}
