// A cohort's fee follows the seat: every path that turns a place into a seat charges it exactly once
// (direct enrolment, an accepted offer, an employer's approval), from a voucher when the trainee
// asked, else owed; every path that ends a paid seat refunds it exactly once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, type Kysely } from 'kysely';
import type { DB } from '$lib/server/db';
import type { Database } from '$lib/server/db/connect';
import { acceptOffer, cancelEnrolment, enrol } from '$lib/server/courses/service';
import { approveEnrolment } from '$lib/server/courses/employer';
import { expireOffers } from '$lib/server/courses/jobs';
import { InvalidStateError } from '$lib/server/errors';
import { VoucherBalanceError } from '$lib/server/vouchers/errors';
import { addMember, createUser } from '../factories';
import { createTestDatabase } from './support/database';
import { HOUR, NOW, context, createCohort, createCourse, createProvider, createTrainee } from './courses-support';
import { balanceOf, grantVoucher, ledgerOf } from './vouchers-support';

let database: Database;
let db: Kysely<DB>;

beforeAll(async () => {
	database = await createTestDatabase();
	db = database.db;
});
afterAll(() => database.close());

const LATER = new Date('2027-01-01T00:00:00Z');
const FEE = 120_000;

async function paidCohort(overrides: Record<string, unknown> = {}) {
	const provider = await createProvider(db);
	const course = await createCourse(db, provider.org.id);
	return createCohort(db, course.id, { capacity: 1, fee_krw: FEE, ...overrides });
}

/** A trainee whose organisation holds a voucher, and an admin to approve them. */
async function traineeWithVoucher(amount = 500_000) {
	const trainee = await createTrainee(db);
	const voucher = await grantVoucher(db, trainee.orgId, amount, LATER);
	const admin = await createUser(db);
	await addMember(db, trainee.orgId, admin.id, 'admin');
	return { ...trainee, voucher, admin: { id: admin.id, isOperator: false } };
}

const kinds = async (voucherId: string) => (await ledgerOf(db, voucherId)).map((l) => l.kind);
const feeOwed = (enrolmentId: string) =>
	db
		.selectFrom('audit_log')
		.select('id')
		.where('entity_id', '=', enrolmentId)
		.where('action', '=', 'enrolment.fee_owed')
		.execute();

describe('a fee charged when an offer is accepted', () => {
	it('charges the voucher once on acceptance (not while waiting), and refunds once on cancellation', async () => {
		const cohort = await paidCohort();
		const first = await createTrainee(db);
		const waiting = await traineeWithVoucher();
		const seat = await enrol(db, first.actor, cohort.id, context, NOW);
		const queued = await enrol(db, waiting.actor, cohort.id, context, NOW, { payWithVoucher: true });
		expect(queued.status).toBe('waitlisted');
		expect(await kinds(waiting.voucher.id)).toEqual(['issue']);

		await cancelEnrolment(db, first.actor, seat.id, context, NOW);
		expect(await kinds(waiting.voucher.id)).toEqual(['issue']);
		await acceptOffer(db, waiting.actor, queued.id, context, NOW);
		expect(await balanceOf(db, waiting.voucher.id)).toBe(500_000 - FEE);
		expect(await kinds(waiting.voucher.id)).toEqual(['issue', 'spend']);
		await expect(acceptOffer(db, waiting.actor, queued.id, context, NOW)).rejects.toBeInstanceOf(InvalidStateError);
		expect(await kinds(waiting.voucher.id)).toEqual(['issue', 'spend']);

		await cancelEnrolment(db, waiting.actor, queued.id, context, NOW);
		await expect(cancelEnrolment(db, waiting.actor, queued.id, context, NOW)).rejects.toBeInstanceOf(InvalidStateError);
		expect(await balanceOf(db, waiting.voucher.id)).toBe(500_000);
		expect(await kinds(waiting.voucher.id)).toEqual(['issue', 'spend', 'refund']);
	});

	it('records the fee as owed when the trainee unticks the voucher at acceptance, and refuses an acceptance the voucher cannot pay', async () => {
		const cohort = await paidCohort({ capacity: 2 });
		const [a, b] = await Promise.all([createTrainee(db), createTrainee(db)]);
		const owes = await traineeWithVoucher();
		const poor = await traineeWithVoucher(FEE - 1);
		const seats = [
			await enrol(db, a.actor, cohort.id, context, NOW),
			await enrol(db, b.actor, cohort.id, context, NOW)
		];
		const owesPlace = await enrol(db, owes.actor, cohort.id, context, NOW, { payWithVoucher: true });
		const poorPlace = await enrol(db, poor.actor, cohort.id, context, NOW, { payWithVoucher: true });
		for (const s of seats) await cancelEnrolment(db, s.id === seats[0].id ? a.actor : b.actor, s.id, context, NOW);

		await acceptOffer(db, owes.actor, owesPlace.id, context, NOW, { payWithVoucher: false });
		expect(await kinds(owes.voucher.id)).toEqual(['issue']);
		expect(await feeOwed(owesPlace.id)).toHaveLength(1);

		await expect(acceptOffer(db, poor.actor, poorPlace.id, context, NOW)).rejects.toBeInstanceOf(VoucherBalanceError);
		expect(
			(await db.selectFrom('enrolments').select('status').where('id', '=', poorPlace.id).executeTakeFirstOrThrow())
				.status
		).toBe('offered');
		expect(await kinds(poor.voucher.id)).toEqual(['issue']);
	});

	it('an offer that lapses charges nothing', async () => {
		const cohort = await paidCohort();
		const first = await createTrainee(db);
		const waiting = await traineeWithVoucher();
		const seat = await enrol(db, first.actor, cohort.id, context, NOW);
		await enrol(db, waiting.actor, cohort.id, context, NOW, { payWithVoucher: true });
		await cancelEnrolment(db, first.actor, seat.id, context, NOW);
		await expireOffers(db, new Date(NOW.getTime() + 49 * HOUR), context);
		expect(await kinds(waiting.voucher.id)).toEqual(['issue']);
	});
});

describe('a fee charged when the employer approves', () => {
	it('charges once when approval gives a seat; an approval into the queue waits for the seat', async () => {
		const cohort = await paidCohort({ employer_approval: true });
		const [seated, queued] = await Promise.all([traineeWithVoucher(), traineeWithVoucher()]);
		const r1 = await enrol(db, seated.actor, cohort.id, context, NOW, { payWithVoucher: true });
		const r2 = await enrol(db, queued.actor, cohort.id, context, NOW, { payWithVoucher: true });
		expect(await kinds(seated.voucher.id)).toEqual(['issue']);

		expect(await approveEnrolment(db, seated.admin, r1.id, context, NOW)).toMatchObject({ status: 'enrolled' });
		expect(await kinds(seated.voucher.id)).toEqual(['issue', 'spend']);
		expect(await balanceOf(db, seated.voucher.id)).toBe(500_000 - FEE);
		await expect(approveEnrolment(db, seated.admin, r1.id, context, NOW)).rejects.toBeInstanceOf(InvalidStateError);
		expect(await kinds(seated.voucher.id)).toEqual(['issue', 'spend']);

		expect(await approveEnrolment(db, queued.admin, r2.id, context, NOW)).toMatchObject({ status: 'waitlisted' });
		expect(await kinds(queued.voucher.id)).toEqual(['issue']);
		await cancelEnrolment(db, seated.actor, r1.id, context, NOW);
		expect(await kinds(seated.voucher.id)).toEqual(['issue', 'spend', 'refund']);
		await acceptOffer(db, queued.actor, r2.id, context, NOW);
		expect(await kinds(queued.voucher.id)).toEqual(['issue', 'spend']);
	});

	it('leaves the fee owed when the voucher cannot pay: the employer’s approval still seats the trainee', async () => {
		const cohort = await paidCohort({ employer_approval: true });
		const poor = await traineeWithVoucher(FEE - 1);
		const request = await enrol(db, poor.actor, cohort.id, context, NOW, { payWithVoucher: true });
		expect(await approveEnrolment(db, poor.admin, request.id, context, NOW)).toMatchObject({ status: 'enrolled' });
		expect(await kinds(poor.voucher.id)).toEqual(['issue']);
		expect(await feeOwed(request.id)).toHaveLength(1);
	});
});

describe('the database keeps one spend per enrolment', () => {
	it('refuses a second spend row for the same enrolment', async () => {
		const cohort = await paidCohort();
		const t = await traineeWithVoucher();
		const seat = await enrol(db, t.actor, cohort.id, context, NOW, { payWithVoucher: true });
		const insert =
			sql`insert into voucher_ledger (voucher_id, kind, category, amount_krw, enrolment_id) values (${t.voucher.id}, 'spend', 'course', ${FEE}, ${seat.id})`.execute(
				db
			);
		await expect(insert).rejects.toThrow(/voucher_ledger_one_spend_per_enrolment/);
	});
});
