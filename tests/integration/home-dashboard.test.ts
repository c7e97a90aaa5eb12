// The signed-in home: a facility manager sees the bookings waiting for approval, the booker sees the
// booking coming up, and someone unrelated sees neither.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from './support/database';
import { NEXT_MONDAY, NOW, context, createBooker, createFacility, createResource, slot } from './testbed-support';
import { createBooking } from '$lib/server/testbed/booking-create';
import { homeDashboard } from '$lib/server/users/home-dashboard';

let database: TestDatabase;
beforeAll(async () => (database = await createTestDatabase()));
afterAll(async () => database?.close());

describe('homeDashboard', () => {
	it('shows pending approvals to the manager and the upcoming booking to the booker only', async () => {
		const db = database.db;
		const { facility, staff, admin } = await createFacility(db);
		const resource = await createResource(db, facility.id, { auto_confirm: false });
		const booker = await createBooker(db);
		const booking = await createBooking(db, booker.actor, slot(resource.id, NEXT_MONDAY, 10), context, NOW);
		expect(booking.status).toBe('pending');

		const manager = await homeDashboard(db, { id: staff.id, isOperator: false }, NOW);
		expect(manager.pendingApprovals).toBe(1);
		expect(manager.upcoming).toEqual([]);

		const mine = await homeDashboard(db, booker.actor, NOW);
		expect(mine.pendingApprovals).toBeNull();
		expect(mine.upcoming.map((i) => i.link)).toEqual([expect.stringContaining(booking.id)]);
		expect(mine.upcoming[0].tentative).toBe(true);

		// The facility's owner manages it too; someone unrelated sees neither.
		expect((await homeDashboard(db, { id: admin.id, isOperator: false }, NOW)).pendingApprovals).toBe(1);
		const stranger = await createBooker(db);
		const other = await homeDashboard(db, stranger.actor, NOW);
		expect(other.pendingApprovals).toBeNull();
		expect(other.upcoming).toEqual([]);
	});
});
