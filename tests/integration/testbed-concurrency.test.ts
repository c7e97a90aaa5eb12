// The invariants under concurrency: one winner per slot, quotas never exceeded, atomic reschedule.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, type Kysely } from 'kysely';
import type { DB } from '$lib/server/db';
import type { Database } from '$lib/server/db/connect';
import { createBooking } from '$lib/server/testbed/booking-create';
import { rescheduleBooking } from '$lib/server/testbed/booking-transitions';
import { BookingConflictError, QuotaExceededError } from '$lib/server/testbed/errors';
import { createTestDatabase } from './support/database';
import { NEXT_MONDAY, NOW, context, createBooker, createFacility, createResource, slot } from './testbed-support';
import { addDays } from '$lib/server/common/zoned-time';

let database: Database;
let db: Kysely<DB>;

beforeAll(async () => {
	database = await createTestDatabase();
	db = database.db;
});
afterAll(() => database.close());

async function overlappingPairs(resourceId: string) {
	const { rows } = await sql<{ n: number }>`
		select count(*)::int as n from bookings a join bookings b on a.id < b.id and a.resource_id = b.resource_id and a.during && b.during
		where a.resource_id = ${resourceId} and a.status in ('pending', 'confirmed') and b.status in ('pending', 'confirmed')`.execute(
		db
	);
	return rows[0].n;
}

describe('testbed booking under concurrency', () => {
	it('lets exactly one of 200 overlapping requests from different users win', async () => {
		const { facility } = await createFacility(db);
		const resource = await createResource(db, facility.id, { max_minutes: 480 });
		const bookers = await Promise.all(Array.from({ length: 200 }, () => createBooker(db)));
		// Every request overlaps every other: they all cover 12:00–13:00, with different starts and lengths.
		const results = await Promise.allSettled(
			bookers.map((b, i) =>
				createBooking(db, b.actor, slot(resource.id, NEXT_MONDAY, 10 + (i % 3), 3 - (i % 3) + 1), context, NOW)
			)
		);
		const won = results.filter((r) => r.status === 'fulfilled');
		const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
		expect(won).toHaveLength(1);
		// Anything but a 409 conflict is named in the failure message.
		expect(
			lost
				.filter((r) => !(r.reason instanceof BookingConflictError && r.reason.status === 409))
				.map((r) => String(r.reason))
		).toEqual([]);
		expect(await overlappingPairs(resource.id)).toBe(0);
	});

	it('never lets one organisation exceed its weekly quota, however many requests race', async () => {
		const { facility } = await createFacility(db);
		const resource = await createResource(db, facility.id, { quota_week_hours: 5 });
		const first = await createBooker(db);
		const colleagues = await Promise.all(Array.from({ length: 11 }, () => createBooker(db, first.orgId)));
		const everyone = [first, ...colleagues];
		// 12 disjoint 1-hour slots over three days: only the quota can refuse them.
		const results = await Promise.allSettled(
			everyone.map((b, i) =>
				createBooking(db, b.actor, slot(resource.id, addDays(NEXT_MONDAY, i % 3), 9 + Math.floor(i / 3)), context, NOW)
			)
		);
		const won = results.filter((r) => r.status === 'fulfilled');
		expect(won).toHaveLength(5);
		expect(
			results
				.filter((r) => r.status === 'rejected')
				.every((r) => (r as PromiseRejectedResult).reason instanceof QuotaExceededError)
		).toBe(true);
		const { rows } = await sql<{
			hours: number;
		}>`select coalesce(sum(extract(epoch from upper(during) - lower(during))), 0) / 3600 as hours from bookings where resource_id = ${resource.id} and status in ('pending', 'confirmed')`.execute(
			db
		);
		expect(Number(rows[0].hours)).toBe(5);
	});

	it('keeps the old slot when the new one is lost to a competitor', async () => {
		const { facility } = await createFacility(db);
		const resource = await createResource(db, facility.id);
		const mover = await createBooker(db);
		const original = await createBooking(db, mover.actor, slot(resource.id, NEXT_MONDAY, 9), context, NOW);
		const rivals = await Promise.all(Array.from({ length: 10 }, () => createBooker(db)));
		const target = slot(resource.id, NEXT_MONDAY, 14);
		const results = await Promise.allSettled([
			rescheduleBooking(db, mover.actor, original.id, target, context, NOW),
			...rivals.map((r) => createBooking(db, r.actor, target, context, NOW))
		]);
		expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
		const row = await db
			.selectFrom('bookings')
			.select([sql<Date>`lower(during)`.as('start'), 'status'])
			.where('id', '=', original.id)
			.executeTakeFirstOrThrow();
		if (results[0].status === 'rejected') {
			expect(results[0].reason).toBeInstanceOf(BookingConflictError);
			expect(row.start.getTime()).toBe(slot(resource.id, NEXT_MONDAY, 9).start.getTime());
		} else {
			expect(row.start.getTime()).toBe(target.start.getTime());
		}
		expect(row.status).toBe('confirmed');
		expect(await overlappingPairs(resource.id)).toBe(0);
	});
});
