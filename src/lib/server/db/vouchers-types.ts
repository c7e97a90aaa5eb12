// Table types of support vouchers and their ledger (migrations/20261205T0400_vouchers.ts).
import type { ColumnType, Generated, Selectable } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;

export type VoucherLedgerKind = 'issue' | 'spend' | 'refund';
export type VoucherCategory = 'grant' | 'testbed' | 'course';

export interface VouchersTable {
	id: Generated<string>;
	org_id: string;
	/** The programme call that granted it; no foreign key until the programme tables exist. */
	programme_call_id: string | null;
	label_ko: string;
	label_en: string;
	amount_krw: number;
	balance_krw: number;
	expires_at: Timestamp;
	created_at: CreatedAt;
}

export interface VoucherLedgerTable {
	id: Generated<string>;
	voucher_id: string;
	kind: VoucherLedgerKind;
	category: VoucherCategory;
	amount_krw: number;
	booking_id: string | null;
	enrolment_id: string | null;
	refund_of: string | null;
	actor_id: string | null;
	created_at: CreatedAt;
}

export type VoucherRow = Selectable<VouchersTable>;
export type VoucherLedgerRow = Selectable<VoucherLedgerTable>;
