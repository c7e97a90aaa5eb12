// The monthly report: utilisation, usage per organisation and no-shows on a small fixture, and who may see it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import type { DB } from '$lib/server/db';
import type { Database } from '$lib/server/db/connect';
import type { BookingStatus } from '$lib/server/db/types';
import { NotFoundError } from '$lib/server/errors';
import { NotFacilityManagerError } from '$lib/server/testbed/errors';
import { range } from '$lib/server/testbed/repository';
import { getMonthlyReport } from '$lib/server/testbed/reports';
import { createTestDatabase } from './support/database';
import { createUser } from '../factories';
import { at, createBooker, createFacility, createResource } from './testbed-support';

let database: Database;
let db: Kysely<DB>;

beforeAll(async () => {
	database = await createTestDatabase();
	db = database.db;
});
afterAll(() => database.close());

describe('testbed reports', () => {
	it('counts bookable and booked hours, usage per organisation and the no-show rate of one month', async () => {
		const a = await createFacility(db);
		const resource = await createResource(db, a.facility.id); // Mon–Fri 09:00–18:00, Seoul
		const x = await createBooker(db);
		const y = await createBooker(db);
		await db
			.insertInto('resource_blackouts')
			.values({
				resource_id: resource.id,
				during: range(at('2026-03-10', 10), at('2026-03-10', 12)),
				reason_en: 'Calibration'
			})
			.execute();
		const book = (
			who: { user: { id: string }; orgId: string },
			date: string,
			from: number,
			to: number,
			status: BookingStatus,
			checkedIn = false
		) =>
			db
				.insertInto('bookings')
				.values({
					resource_id: resource.id,
					org_id: who.orgId,
					user_id: who.user.id,
					during: range(at(date, from), at(date, to)),
					status,
					checked_in_at: checkedIn ? at(date, from) : null
				})
				.execute();
		await book(x, '2026-03-03', 10, 12, 'completed', true);
		await book(x, '2026-03-04', 10, 13, 'confirmed');
		await book(x, '2026-03-05', 10, 11, 'no_show');
		await book(x, '2026-03-06', 10, 12, 'cancelled');
		await book(x, '2026-03-09', 14, 15, 'confirmed', true);
		await book(y, '2026-03-11', 9, 11, 'completed', true);
		// Overlaps the blackout added later: only 12:00–13:00 was bookable time.
		await book(y, '2026-03-10', 11, 13, 'completed', true);
		await book(y, '2026-02-27', 10, 12, 'completed', true);
		await book(y, '2026-04-01', 10, 12, 'confirmed');

		const report = await getMonthlyReport(db, { id: a.staff.id, isOperator: false }, { month: '2026-03' });
		// 22 weekdays × 9 h − 2 h of blackout.
		expect(report.resources).toEqual([
			expect.objectContaining({
				slug: resource.slug,
				bookableHours: 196,
				bookedHours: 9,
				bookings: 5,
				noShows: 1,
				noShowRate: 0.2
			})
		]);
		expect(report.resources[0].utilisation).toBeCloseTo(9 / 196, 6);
		const byOrg = Object.fromEntries(report.organizations.map((o) => [o.slug, o]));
		expect(Object.keys(byOrg)).toHaveLength(2);
		expect(Object.values(byOrg).map((o) => [o.bookings, o.hours, o.noShows])).toEqual([
			[3, 6, 1],
			[2, 4, 0]
		]);
		expect(report.totals).toMatchObject({
			bookableHours: 196,
			bookedHours: 9,
			bookings: 5,
			noShows: 1,
			noShowRate: 0.2
		});
	});

	it('shows a manager only their facilities, and operators all of them', async () => {
		const a = await createFacility(db);
		const b = await createFacility(db);
		await createResource(db, a.facility.id);
		await createResource(db, b.facility.id);
		const managerA = { id: a.staff.id, isOperator: false };
		const own = await getMonthlyReport(db, managerA, { month: '2026-03', facility: a.facility.slug });
		expect(own.facilities.map((f) => f.slug)).toEqual([a.facility.slug]);
		await expect(
			getMonthlyReport(db, managerA, { month: '2026-03', facility: b.facility.slug })
		).rejects.toBeInstanceOf(NotFoundError);
		// The org owner of A manages A too, but not B.
		await expect(
			getMonthlyReport(db, { id: a.admin.id, isOperator: false }, { month: '2026-03', facility: b.facility.slug })
		).rejects.toBeInstanceOf(NotFoundError);
		const outsider = await createUser(db);
		await expect(
			getMonthlyReport(db, { id: outsider.id, isOperator: false }, { month: '2026-03' })
		).rejects.toBeInstanceOf(NotFacilityManagerError);
		const operator = await getMonthlyReport(db, { id: outsider.id, isOperator: true }, { month: '2026-03' });
		expect(operator.facilities.map((f) => f.slug)).toEqual(expect.arrayContaining([a.facility.slug, b.facility.slug]));
	});
});
