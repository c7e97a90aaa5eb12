// The signed-in home: a facility manager sees the bookings waiting for approval, the booker sees the
// booking coming up, and someone unrelated sees neither.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from './support/database';
import { NEXT_MONDAY, NOW, context, createBooker, createFacility, createResource, slot } from './testbed-support';
import { createBooking } from '$lib/server/testbed/booking-create';
import { homeDashboard } from '$lib/server/users/home-dashboard';
import { markThreadReadBy, postThreadMessage } from '$lib/server/needs/responses';
import { respondToNeed } from '$lib/server/needs/service';
import { actorOf, context as needsContext, createCompany, createHospital, postNeed } from './needs-support';

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

	it('lists unread need threads to both sides only, until the reader marks them read', async () => {
		const db = database.db;
		const hospital = await createHospital(db);
		const alpha = await createCompany(db);
		const beta = await createCompany(db);
		const need = await postNeed(db, hospital.staff);
		const response = await respondToNeed(
			db,
			actorOf(alpha.member),
			need.id,
			{ message: 'We can help.', productIds: [] },
			needsContext
		);
		await postThreadMessage(db, actorOf(alpha.member), response.id, 'Shall we meet?');
		const now = new Date();

		const clinic = await homeDashboard(db, actorOf(hospital.staff), now);
		expect(clinic.threads).toEqual([
			{ responseId: response.id, needId: need.id, title_ko: need.title_ko, title_en: need.title_en, unread: 1 }
		]);
		// The poster has read their own message; a colleague at the company has not.
		expect((await homeDashboard(db, actorOf(alpha.member), now)).threads).toEqual([]);
		expect((await homeDashboard(db, actorOf(alpha.owner), now)).threads.map((t) => t.unread)).toEqual([1]);
		// Another company and a plain colleague at the hospital are on neither side.
		expect((await homeDashboard(db, actorOf(beta.member), now)).threads).toEqual([]);
		expect((await homeDashboard(db, actorOf(hospital.colleague), now)).threads).toEqual([]);

		await markThreadReadBy(db, actorOf(hospital.staff), response.id);
		expect((await homeDashboard(db, actorOf(hospital.staff), now)).threads).toEqual([]);
	});
});
