// Paying for testbed time with a voucher, inside the booking's transaction: the price is the
// booking's minutes at the organisation's rate (member or non-member) for the resource.
import type { Executor } from '../db';
import { hourlyRate, isAllianceMember, minutesBetween, priceOf } from './pricing';
import { refundPayments, spendVoucher } from './service';
import { listUnrefundedSpends } from './repository';

type Priced = { member_rate_krw: number; nonmember_rate_krw: number };

export async function bookingPrice(db: Executor, resource: Priced, orgId: string, start: Date, end: Date) {
	const org = await db.selectFrom('organizations').select('status').where('id', '=', orgId).executeTakeFirstOrThrow();
	const member = isAllianceMember(org.status);
	const rate = hourlyRate(resource, member);
	return { member, rateKrw: rate, priceKrw: priceOf(minutesBetween(start, end), rate) };
}

export async function payBookingWithVoucher(
	trx: Executor,
	p: { bookingId: string; resource: Priced; orgId: string; actorId: string; start: Date; end: Date; now: Date }
) {
	const { priceKrw } = await bookingPrice(trx, p.resource, p.orgId, p.start, p.end);
	return spendVoucher(trx, {
		orgId: p.orgId,
		amountKrw: priceKrw,
		actorId: p.actorId,
		category: 'testbed',
		bookingId: p.bookingId,
		now: p.now
	});
}

/** A rescheduled booking paid by voucher is paid again at its new length (refund, then spend). */
export async function repriceBookingPayment(
	trx: Executor,
	p: { bookingId: string; resource: Priced; orgId: string; actorId: string; start: Date; end: Date; now: Date }
) {
	const spends = await listUnrefundedSpends(trx, { bookingId: p.bookingId });
	if (!spends.length) return;
	const { priceKrw } = await bookingPrice(trx, p.resource, p.orgId, p.start, p.end);
	if (spends.length === 1 && spends[0].amount_krw === priceKrw) return;
	await refundPayments(trx, { bookingId: p.bookingId }, p.actorId);
	if (priceKrw > 0) await payBookingWithVoucher(trx, p);
}
