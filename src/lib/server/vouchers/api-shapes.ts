// Vouchers as the API returns them (ISO times, no internal fields).
import type { VoucherHolding } from './holdings';

export const voucherJson = (v: VoucherHolding) => ({
	id: v.id,
	organization: v.organization,
	programme_call_id: v.programme_call_id,
	label_ko: v.label_ko,
	label_en: v.label_en,
	amount_krw: v.amount_krw,
	balance_krw: v.balance_krw,
	expires_at: v.expires_at.toISOString(),
	state: v.state,
	ledger: v.ledger.map((l) => ({
		id: l.id,
		kind: l.kind,
		category: l.category,
		amount_krw: l.amount_krw,
		booking_id: l.booking_id,
		enrolment_id: l.enrolment_id,
		created_at: l.created_at.toISOString()
	}))
});
