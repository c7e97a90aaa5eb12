// A cohort's fee follows the seat: it is charged when a place becomes a seat (direct enrolment, an
// accepted offer, an employer's approval into a free seat) and refunded when a paid seat ends. The
// trainee chooses a voucher when enrolling; without one the fee is owed (the monthly statement shows
// it). Always called under the cohort's row lock; the ledger's unique spend per enrolment backs the
// "exactly once" up should a caller ever forget it.
import type { Transaction } from 'kysely';
import type { DB } from '../db';
import type { CohortRow, EnrolmentRow } from '../db/courses-types';
import { recordAudit } from '../audit/repository';
import { DomainError } from '../errors';
import { refundPayments, spendVoucher } from '../vouchers/service';
import { listUnrefundedSpends } from '../vouchers/repository';

export type SeatCharge = { paidKrw: number; owedKrw: number };

/**
 * Charges the fee of a seat just taken, once. `payWithVoucher` is what the trainee chose; a voucher
 * that cannot pay throws (the voucher's own error), so the caller's transaction takes no seat unpaid
 * against the trainee's wish. `fallBackToOwed` records the fee as owed instead, for steps the
 * trainee does not take themselves (an employer's approval).
 */
export async function chargeSeat(
	trx: Transaction<DB>,
	seat: {
		enrolment: Pick<EnrolmentRow, 'id' | 'org_id' | 'pay_with_voucher'>;
		cohort: Pick<CohortRow, 'id' | 'fee_krw'>;
		actorId: string;
		now: Date;
		payWithVoucher?: boolean;
		fallBackToOwed?: boolean;
	}
): Promise<SeatCharge> {
	const fee = seat.cohort.fee_krw;
	if (fee <= 0) return { paidKrw: 0, owedKrw: 0 };
	if ((await listUnrefundedSpends(trx, { enrolmentId: seat.enrolment.id })).length) return { paidKrw: 0, owedKrw: 0 };
	const wantsVoucher = seat.payWithVoucher ?? seat.enrolment.pay_with_voucher;
	if (wantsVoucher) {
		try {
			await spendVoucher(trx, {
				orgId: seat.enrolment.org_id,
				amountKrw: fee,
				actorId: seat.actorId,
				category: 'course',
				enrolmentId: seat.enrolment.id,
				now: seat.now
			});
			return { paidKrw: fee, owedKrw: 0 };
		} catch (error) {
			// A voucher refuses before it writes anything (no SQL error), so the transaction goes on.
			if (!seat.fallBackToOwed || !(error instanceof DomainError)) throw error;
		}
	}
	await recordAudit(trx, {
		actorId: seat.actorId,
		action: 'enrolment.fee_owed',
		entityType: 'enrolment',
		entityId: seat.enrolment.id,
		data: { cohortId: seat.cohort.id, feeKrw: fee, voucherAsked: wantsVoucher }
	});
	return { paidKrw: 0, owedKrw: fee };
}

/** Gives back what vouchers paid for a seat that ends (nothing when nothing was paid, or already refunded). */
export function refundSeat(trx: Transaction<DB>, enrolmentId: string, actorId: string | null) {
	return refundPayments(trx, { enrolmentId }, actorId);
}
