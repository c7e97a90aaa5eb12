// The facility manager's week view (issue 21): who may see it, and what it lists where.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import type { DB } from '$lib/server/db';
import type { Database } from '$lib/server/db/connect';
import { ForbiddenError, NotFoundError } from '$lib/server/errors';
import { createBooking } from '$lib/server/testbed/booking-create';
import { cancelBooking } from '$lib/server/testbed/booking-transitions';
import { decideBookings } from '$lib/server/testbed/booking-decisions';
import { loadFacilityCalendar } from '$lib/server/testbed/facility-calendar';
import { addDays } from '$lib/server/common/zoned-time';
import { createTestDatabase } from './support/database';
import { NEXT_MONDAY, NOW, context, createBooker, createFacility, createResource, slot } from './testbed-support';

let database: Database;
let db: Kysely<DB>;

beforeAll(async () => {
	database = await createTestDatabase();
	db = database.db;
});
afterAll(() => database.close());

describe('facility calendar', () => {
	it('lists confirmed and pending bookings of all the facility resources by Seoul day, not cancelled ones nor other weeks', async () => {
		const { facility, staff } = await createFacility(db);
		const one = await createResource(db, facility.id, { auto_confirm: false });
		const two = await createResource(db, facility.id, { auto_confirm: false });
		const { actor } = await createBooker(db);
		const pending = await createBooking(db, actor, slot(one.id, NEXT_MONDAY, 10), context, NOW);
		const confirmed = await createBooking(db, actor, slot(two.id, addDays(NEXT_MONDAY, 2), 14), context, NOW);
		const cancelled = await createBooking(db, actor, slot(one.id, addDays(NEXT_MONDAY, 2), 9), context, NOW);
		const nextWeek = await createBooking(db, actor, slot(one.id, addDays(NEXT_MONDAY, 7), 10), context, NOW);
		const manager = { id: staff.id, isOperator: false };
		await decideBookings(db, manager, { ids: [confirmed.id], decision: 'approve' }, context);
		await cancelBooking(db, actor, cancelled.id, null, context, NOW);

		// Any date of the week shows that week, Monday first.
		const week = await loadFacilityCalendar(
			db,
			manager,
			{ facility: facility.slug, week: addDays(NEXT_MONDAY, 3) },
			NOW
		);
		expect(week.monday).toBe(NEXT_MONDAY);
		expect(week.previous).toBe(addDays(NEXT_MONDAY, -7));
		expect(week.next).toBe(addDays(NEXT_MONDAY, 7));
		expect(week.days.map((d) => d.date)).toEqual(Array.from({ length: 7 }, (_, i) => addDays(NEXT_MONDAY, i)));
		expect(week.days[0].bookings.map((b) => [b.id, b.status])).toEqual([[pending.id, 'pending']]);
		expect(week.days[2].bookings.map((b) => [b.id, b.status])).toEqual([[confirmed.id, 'confirmed']]);
		const ids = week.days.flatMap((d) => d.bookings.map((b) => b.id));
		expect(ids).not.toContain(cancelled.id);
		expect(ids).not.toContain(nextWeek.id);
		// No e-mail addresses on the page data.
		expect(JSON.stringify(week)).not.toContain('@');

		const following = await loadFacilityCalendar(db, manager, { facility: null, week: week.next }, NOW);
		expect(following.facility.slug).toBe(facility.slug);
		expect(following.days.flatMap((d) => d.bookings.map((b) => b.id))).toEqual([nextWeek.id]);

		// A nonsense week falls back to the current one.
		const current = await loadFacilityCalendar(db, manager, { facility: facility.slug, week: 'soon' }, NOW);
		expect(current.monday).toBe(addDays(NEXT_MONDAY, -7));
	});

	it('is for the facility managers and operators only', async () => {
		const { facility, admin } = await createFacility(db);
		const resource = await createResource(db, facility.id, { auto_confirm: false });
		const { actor, user } = await createBooker(db);
		const booking = await createBooking(db, actor, slot(resource.id, NEXT_MONDAY, 11), context, NOW);
		const query = { facility: facility.slug, week: NEXT_MONDAY };

		// A member who manages nothing: 403.
		await expect(loadFacilityCalendar(db, { id: user.id, isOperator: false }, query, NOW)).rejects.toBeInstanceOf(
			ForbiddenError
		);
		// The manager of another facility: that facility does not exist for them (404), and theirs shows by default.
		const other = await createFacility(db);
		const stranger = { id: other.staff.id, isOperator: false };
		await expect(loadFacilityCalendar(db, stranger, query, NOW)).rejects.toBeInstanceOf(NotFoundError);
		expect((await loadFacilityCalendar(db, stranger, { facility: null, week: NEXT_MONDAY }, NOW)).facility.slug).toBe(
			other.facility.slug
		);
		// The owning organisation's admin and an operator see it.
		for (const who of [
			{ id: admin.id, isOperator: false },
			{ id: user.id, isOperator: true }
		]) {
			const week = await loadFacilityCalendar(db, who, query, NOW);
			expect(week.days[0].bookings.map((b) => b.id)).toEqual([booking.id]);
		}
	});
});
