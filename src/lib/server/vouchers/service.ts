// The voucher rules: issue, spend (never beyond the balance, never after expiry) and refund (once).
// Spending and refunding run inside the caller's transaction, the one that books or cancels, so a
// booking is never paid without existing, nor cancelled without its refund.
import type { Executor } from '../db';
import { recordAudit } from '../audit/repository';
import { hasSqlState, SQLSTATE } from '../db/errors';
import { NoVoucherError, NothingToPayError, VoucherBalanceError, VoucherExpiredError } from './errors';
import * as voucherRepository from './repository';

export type VoucherLabel = string | { ko: string; en: string };

export type IssueVoucherInput = {
	organisationId: string;
	programmeCallId: string | null;
	amountKrw: number;
	expiresAt: Date;
	/** Names the programme; a plain string serves both languages. */
	label: VoucherLabel;
	actorId?: string | null;
};

/** Called by programme selection (and the seed) inside its own transaction. */
export async function issueVoucher(trx: Executor, input: IssueVoucherInput) {
	if (!Number.isInteger(input.amountKrw) || input.amountKrw <= 0)
		throw new RangeError('amountKrw must be a positive integer');
	const label = typeof input.label === 'string' ? { ko: input.label, en: input.label } : input.label;
	const voucher = await voucherRepository.insertVoucher(trx, {
		orgId: input.organisationId,
		programmeCallId: input.programmeCallId,
		labelKo: label.ko,
		labelEn: label.en,
		amountKrw: input.amountKrw,
		expiresAt: input.expiresAt
	});
	await voucherRepository.insertLedgerRow(trx, {
		voucherId: voucher.id,
		kind: 'issue',
		category: 'grant',
		amountKrw: input.amountKrw,
		actorId: input.actorId ?? null
	});
	await recordAudit(trx, {
		actorId: input.actorId ?? null,
		action: 'voucher.issued',
		entityType: 'voucher',
		entityId: voucher.id,
		data: { orgId: input.organisationId, programmeCallId: input.programmeCallId, amountKrw: input.amountKrw }
	});
	return voucher;
}

export type Payment = { orgId: string; amountKrw: number; actorId: string; voucherId?: string | null; now?: Date } & (
	{ category: 'testbed'; bookingId: string } | { category: 'course'; enrolmentId: string }
);

/**
 * Pays `amountKrw` from one voucher of the organisation: the one named, or the live one with enough
 * balance that expires first. The vouchers are locked for the rest of the transaction, so concurrent
 * spends queue on the lock and each sees the balance the previous one left.
 */
export async function spendVoucher(trx: Executor, payment: Payment) {
	if (payment.amountKrw <= 0) throw new NothingToPayError();
	const now = payment.now ?? new Date();
	const vouchers = await voucherRepository.lockOrganizationVouchers(trx, payment.orgId);
	const candidates = payment.voucherId ? vouchers.filter((v) => v.id === payment.voucherId) : vouchers;
	if (!candidates.length) throw new NoVoucherError();
	const live = candidates.filter((v) => v.expires_at > now);
	if (!live.length) throw new VoucherExpiredError();
	const voucher = live.find((v) => v.balance_krw >= payment.amountKrw);
	if (!voucher) throw new VoucherBalanceError(Math.max(...live.map((v) => v.balance_krw)), payment.amountKrw);
	try {
		await voucherRepository.addToBalance(trx, voucher.id, -payment.amountKrw);
	} catch (error) {
		// The check constraint is the last word should a caller ever skip the lock above.
		if (hasSqlState(error, SQLSTATE.checkViolation, 'vouchers_balance_in_range'))
			throw new VoucherBalanceError(voucher.balance_krw, payment.amountKrw);
		throw error;
	}
	const item = payment.category === 'testbed' ? { bookingId: payment.bookingId } : { enrolmentId: payment.enrolmentId };
	const row = await voucherRepository.insertLedgerRow(trx, {
		voucherId: voucher.id,
		kind: 'spend',
		category: payment.category,
		amountKrw: payment.amountKrw,
		actorId: payment.actorId,
		...item
	});
	await recordAudit(trx, {
		actorId: payment.actorId,
		action: 'voucher.spent',
		entityType: 'voucher',
		entityId: voucher.id,
		data: { ...item, amountKrw: payment.amountKrw }
	});
	return { voucherId: voucher.id, ledgerId: row.id, balanceKrw: voucher.balance_krw - payment.amountKrw };
}

/**
 * Gives back every unrefunded spend on a booking or an enrolment. The caller holds the item's row
 * lock, so a second cancellation finds nothing left; the unique index on `refund_of` backs that up.
 */
export async function refundPayments(trx: Executor, item: voucherRepository.PaidItem, actorId: string | null) {
	const spends = await voucherRepository.listUnrefundedSpends(trx, item);
	let refunded = 0;
	for (const spend of spends) {
		await voucherRepository.lockVoucher(trx, spend.voucher_id);
		await voucherRepository.insertLedgerRow(trx, {
			voucherId: spend.voucher_id,
			kind: 'refund',
			category: spend.category,
			amountKrw: spend.amount_krw,
			bookingId: spend.booking_id,
			enrolmentId: spend.enrolment_id,
			refundOf: spend.id,
			actorId
		});
		await voucherRepository.addToBalance(trx, spend.voucher_id, spend.amount_krw);
		await recordAudit(trx, {
			actorId,
			action: 'voucher.refunded',
			entityType: 'voucher',
			entityId: spend.voucher_id,
			data: { ...item, amountKrw: spend.amount_krw }
		});
		refunded += spend.amount_krw;
	}
	return refunded;
}
