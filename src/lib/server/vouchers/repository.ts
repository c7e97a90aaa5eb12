// Queries of support vouchers and their ledger. The balance only changes with a ledger row, in the
// same transaction, under the voucher's row lock.
import { sql } from 'kysely';
import type { Executor } from '../db';
import type { VoucherCategory, VoucherLedgerKind } from '../db/vouchers-types';

export type NewVoucher = {
	orgId: string;
	programmeCallId: string | null;
	labelKo: string;
	labelEn: string;
	amountKrw: number;
	expiresAt: Date;
};

export function insertVoucher(db: Executor, v: NewVoucher) {
	return db
		.insertInto('vouchers')
		.values({
			org_id: v.orgId,
			programme_call_id: v.programmeCallId,
			label_ko: v.labelKo,
			label_en: v.labelEn,
			amount_krw: v.amountKrw,
			balance_krw: v.amountKrw,
			expires_at: v.expiresAt
		})
		.returningAll()
		.executeTakeFirstOrThrow();
}

export type NewLedgerRow = {
	voucherId: string;
	kind: VoucherLedgerKind;
	category: VoucherCategory;
	amountKrw: number;
	bookingId?: string | null;
	enrolmentId?: string | null;
	refundOf?: string | null;
	actorId: string | null;
};

export function insertLedgerRow(db: Executor, row: NewLedgerRow) {
	return db
		.insertInto('voucher_ledger')
		.values({
			voucher_id: row.voucherId,
			kind: row.kind,
			category: row.category,
			amount_krw: row.amountKrw,
			booking_id: row.bookingId ?? null,
			enrolment_id: row.enrolmentId ?? null,
			refund_of: row.refundOf ?? null,
			actor_id: row.actorId
		})
		.returningAll()
		.executeTakeFirstOrThrow();
}

/** The organisation's vouchers, locked, soonest expiry first (spend what runs out first). */
export function lockOrganizationVouchers(db: Executor, orgId: string) {
	return db
		.selectFrom('vouchers')
		.selectAll()
		.where('org_id', '=', orgId)
		.orderBy('expires_at')
		.orderBy('id')
		.forUpdate()
		.execute();
}

export function lockVoucher(db: Executor, id: string) {
	return db.selectFrom('vouchers').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export function addToBalance(db: Executor, id: string, deltaKrw: number) {
	return db
		.updateTable('vouchers')
		.set({ balance_krw: sql`balance_krw + ${deltaKrw}` })
		.where('id', '=', id)
		.returning('balance_krw')
		.executeTakeFirstOrThrow();
}

export type PaidItem = { bookingId: string } | { enrolmentId: string };

/** Spends on a booking or an enrolment that no refund has answered yet. */
export function listUnrefundedSpends(db: Executor, item: PaidItem) {
	let query = db
		.selectFrom('voucher_ledger as s')
		.selectAll('s')
		.where('s.kind', '=', 'spend')
		.where(({ not, exists, selectFrom }) =>
			not(exists(selectFrom('voucher_ledger as r').select('r.id').whereRef('r.refund_of', '=', 's.id')))
		);
	query =
		'bookingId' in item
			? query.where('s.booking_id', '=', item.bookingId)
			: query.where('s.enrolment_id', '=', item.enrolmentId);
	return query.execute();
}

export function listOrganizationVouchers(db: Executor, orgId: string) {
	return db
		.selectFrom('vouchers')
		.selectAll()
		.where('org_id', '=', orgId)
		.orderBy('expires_at', 'desc')
		.orderBy('created_at', 'desc')
		.execute();
}

/** Ledger rows of the given vouchers, newest first, with what each one paid for. */
export function listLedger(db: Executor, voucherIds: string[]) {
	if (!voucherIds.length) return Promise.resolve([]);
	return db
		.selectFrom('voucher_ledger as l')
		.leftJoin('bookings as b', 'b.id', 'l.booking_id')
		.leftJoin('resources as r', 'r.id', 'b.resource_id')
		.leftJoin('enrolments as e', 'e.id', 'l.enrolment_id')
		.leftJoin('cohorts as c', 'c.id', 'e.cohort_id')
		.leftJoin('courses as co', 'co.id', 'c.course_id')
		.select([
			'l.id',
			'l.voucher_id',
			'l.kind',
			'l.category',
			'l.amount_krw',
			'l.booking_id',
			'l.enrolment_id',
			'l.created_at',
			'r.name_ko as resource_name_ko',
			'r.name_en as resource_name_en',
			'co.title_ko as course_title_ko',
			'co.title_en as course_title_en'
		])
		.where('l.voucher_id', 'in', voucherIds)
		.orderBy('l.created_at', 'desc')
		.orderBy('l.id')
		.execute();
}
