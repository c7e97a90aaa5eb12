// Vouchers under concurrency and through the booking and enrolment lifecycles: never overspent,
// refunded exactly once, never spent after expiry, always in the same transaction as the booking.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import type { DB } from '$lib/server/db';
import type { Database } from '$lib/server/db/connect';
import { InvalidStateError } from '$lib/server/errors';
import { createBooking } from '$lib/server/testbed/booking-create';
import { cancelBooking, rejectBooking, rescheduleBooking } from '$lib/server/testbed/booking-transitions';
import { addDays } from '$lib/server/common/zoned-time';
import { cancelEnrolment, enrol } from '$lib/server/courses/service';
import { spendVoucher } from '$lib/server/vouchers/service';
import { NoVoucherError, VoucherBalanceError, VoucherExpiredError } from '$lib/server/vouchers/errors';
import { messageForError } from '$lib/server/app/errors';
import { createTestDatabase } from './support/database';
import { NEXT_MONDAY, NOW, at, context, createBooker, createFacility, createResource, slot } from './testbed-support';
import { createCohort, createCourse, createProvider } from './courses-support';
import { balanceOf, grantVoucher, ledgerOf } from './vouchers-support';

let database: Database;
let db: Kysely<DB>;

beforeAll(async () => {
	database = await createTestDatabase();
	db = database.db;
});
afterAll(() => database.close());

const LATER = new Date(NOW.getTime() + 365 * 86_400_000);

async function bookingsFor(orgId: string, userId: string, resourceId: string, count: number) {
	const rows = Array.from({ length: count }, (_, i) => {
		const start = new Date(at(NEXT_MONDAY, 0).getTime() + i * 3_600_000);
		return {
			resource_id: resourceId,
			org_id: orgId,
			user_id: userId,
			during: `[${start.toISOString()},${new Date(start.getTime() + 3_600_000).toISOString()})`,
			status: 'confirmed' as const
		};
	});
	return db.insertInto('bookings').values(rows).returning('id').execute();
}

describe('voucher spending under concurrency', () => {
	it('never overdraws one voucher, however many of 200 parallel spends race', async () => {
		const { facility } = await createFacility(db);
		const resource = await createResource(db, facility.id);
		const booker = await createBooker(db);
		const voucher = await grantVoucher(db, booker.orgId, 1_000_000, LATER);
		const bookings = await bookingsFor(booker.orgId, booker.user.id, resource.id, 200);
		const price = 7_000;
		const results = await Promise.allSettled(
			bookings.map((b) =>
				db.transaction().execute((trx) =>
					spendVoucher(trx, {
						orgId: booker.orgId,
						amountKrw: price,
						actorId: booker.user.id,
						category: 'testbed',
						bookingId: b.id,
						now: NOW
					})
				)
			)
		);
		const won = results.filter((r) => r.status === 'fulfilled');
		const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
		expect(won).toHaveLength(Math.floor(1_000_000 / price));
		// Every refusal is the clear one, with the balance and price in the message.
		expect(lost.filter((r) => !(r.reason instanceof VoucherBalanceError)).map((r) => String(r.reason))).toEqual([]);
		expect(messageForError(lost[0].reason, 'en')).toMatch(/less than the price \(KRW 7,000\)/);
		expect(await balanceOf(db, voucher.id)).toBe(1_000_000 - won.length * price);
		const ledger = await ledgerOf(db, voucher.id);
		expect(ledger.filter((l) => l.kind === 'spend')).toHaveLength(won.length);
		const net = ledger.reduce((sum, l) => sum + (l.kind === 'spend' ? -l.amount_krw : l.amount_krw), 0);
		expect(net).toBe(await balanceOf(db, voucher.id));
	});

	it('refuses a balance below zero in the database itself', async () => {
		const booker = await createBooker(db);
		const voucher = await grantVoucher(db, booker.orgId, 1_000, LATER);
		await expect(
			db.updateTable('vouchers').set({ balance_krw: -1 }).where('id', '=', voucher.id).execute()
		).rejects.toMatchObject({ code: '23514' });
	});
});

describe('paying for a booking with a voucher', () => {
	async function setUp(rates = { member_rate_krw: 30_000, nonmember_rate_krw: 50_000 }) {
		const { facility, staff } = await createFacility(db);
		const resource = await createResource(db, facility.id, rates);
		const booker = await createBooker(db);
		return { resource, booker, manager: { id: staff.id, isOperator: false } };
	}

	it('spends the member price in the booking’s transaction and refunds it exactly once on cancellation', async () => {
		const { resource, booker } = await setUp();
		const voucher = await grantVoucher(db, booker.orgId, 200_000, LATER);
		const booking = await createBooking(
			db,
			booker.actor,
			{ ...slot(resource.id, NEXT_MONDAY, 10, 1.5), payWithVoucher: true },
			context,
			NOW
		);
		expect(await balanceOf(db, voucher.id)).toBe(200_000 - 45_000);
		// Ten cancellations race: one wins, the others find the booking already cancelled.
		const results = await Promise.allSettled(
			Array.from({ length: 10 }, () => cancelBooking(db, booker.actor, booking.id, null, context, NOW))
		);
		expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
		expect(
			results
				.filter((r) => r.status === 'rejected')
				.every((r) => (r as PromiseRejectedResult).reason instanceof InvalidStateError)
		).toBe(true);
		expect(await balanceOf(db, voucher.id)).toBe(200_000);
		const ledger = await ledgerOf(db, voucher.id);
		expect(ledger.map((l) => [l.kind, l.amount_krw])).toEqual([
			['issue', 200_000],
			['spend', 45_000],
			['refund', 45_000]
		]);
		await expect(cancelBooking(db, booker.actor, booking.id, null, context, NOW)).rejects.toBeInstanceOf(
			InvalidStateError
		);
		expect(await ledgerOf(db, voucher.id)).toHaveLength(3);
	});

	it('refunds a rejected request and re-prices a rescheduled booking', async () => {
		const { resource, booker, manager } = await setUp();
		const voucher = await grantVoucher(db, booker.orgId, 500_000, LATER);
		const first = await createBooking(
			db,
			booker.actor,
			{ ...slot(resource.id, NEXT_MONDAY, 10, 1), payWithVoucher: true },
			context,
			NOW
		);
		await rescheduleBooking(
			db,
			booker.actor,
			first.id,
			{ start: at(NEXT_MONDAY, 13), end: at(NEXT_MONDAY, 15) },
			context,
			NOW
		);
		expect(await balanceOf(db, voucher.id)).toBe(500_000 - 60_000);
		const { id } = await db
			.updateTable('resources')
			.set({ auto_confirm: false })
			.where('id', '=', resource.id)
			.returning('id')
			.executeTakeFirstOrThrow();
		expect(id).toBe(resource.id);
		const pending = await createBooking(
			db,
			booker.actor,
			{ ...slot(resource.id, addDays(NEXT_MONDAY, 1), 10, 1), payWithVoucher: true },
			context,
			NOW
		);
		expect(pending.status).toBe('pending');
		expect(await balanceOf(db, voucher.id)).toBe(500_000 - 90_000);
		await rejectBooking(db, manager, pending.id, 'Maintenance', context);
		expect(await balanceOf(db, voucher.id)).toBe(500_000 - 60_000);
	});

	it('refuses an expired voucher and leaves no booking behind', async () => {
		const { resource, booker } = await setUp();
		const voucher = await grantVoucher(db, booker.orgId, 500_000, new Date(NOW.getTime() - 1));
		await expect(
			createBooking(db, booker.actor, { ...slot(resource.id, NEXT_MONDAY, 10, 1), payWithVoucher: true }, context, NOW)
		).rejects.toBeInstanceOf(VoucherExpiredError);
		expect(await db.selectFrom('bookings').select('id').where('resource_id', '=', resource.id).execute()).toHaveLength(
			0
		);
		expect(await balanceOf(db, voucher.id)).toBe(500_000);
		// The same slot can still be booked and paid some other way.
		await expect(
			createBooking(db, booker.actor, slot(resource.id, NEXT_MONDAY, 10, 1), context, NOW)
		).resolves.toMatchObject({ status: 'confirmed' });
	});

	it('refuses when no voucher holds enough, and when there is none', async () => {
		const { resource, booker } = await setUp();
		await expect(
			createBooking(db, booker.actor, { ...slot(resource.id, NEXT_MONDAY, 10, 1), payWithVoucher: true }, context, NOW)
		).rejects.toBeInstanceOf(NoVoucherError);
		await grantVoucher(db, booker.orgId, 20_000, LATER);
		await expect(
			createBooking(db, booker.actor, { ...slot(resource.id, NEXT_MONDAY, 10, 1), payWithVoucher: true }, context, NOW)
		).rejects.toBeInstanceOf(VoucherBalanceError);
		expect(await db.selectFrom('bookings').select('id').where('resource_id', '=', resource.id).execute()).toHaveLength(
			0
		);
	});
});

describe('paying a course fee with a voucher', () => {
	it('spends the fee on enrolment and refunds it on cancellation', async () => {
		const provider = await createProvider(db);
		const course = await createCourse(db, provider.org.id, { published: true });
		const cohort = await createCohort(db, course.id, { fee_krw: 150_000 });
		const booker = await createBooker(db);
		const voucher = await grantVoucher(db, booker.orgId, 400_000, LATER);
		const result = await enrol(db, booker.actor, cohort.id, context, NOW, { payWithVoucher: true });
		expect(result.status).toBe('enrolled');
		expect(await balanceOf(db, voucher.id)).toBe(250_000);
		await cancelEnrolment(db, booker.actor, result.id, context, NOW);
		expect(await balanceOf(db, voucher.id)).toBe(400_000);
		expect((await ledgerOf(db, voucher.id)).map((l) => [l.kind, l.category])).toEqual([
			['issue', 'grant'],
			['spend', 'course'],
			['refund', 'course']
		]);
	});
});
