// Support vouchers: an amount in KRW granted to an organisation (usually on selection in a programme
// call) that pays for testbed bookings and course fees. Every movement is a ledger row; the balance
// column is what the row lock guards and the check constraint keeps from ever going below zero.
// `programme_call_id` names the programme call that granted the voucher (none for vouchers given by hand).
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
	await sql`
		create table vouchers (
			id uuid primary key default gen_random_uuid(),
			org_id uuid not null references organizations (id) on delete restrict,
			programme_call_id uuid references programme_calls (id) on delete set null,
			label_ko text not null check (length(label_ko) between 1 and 200),
			label_en text not null check (length(label_en) between 1 and 200),
			amount_krw integer not null check (amount_krw > 0),
			balance_krw integer not null,
			expires_at timestamptz not null,
			created_at timestamptz not null default now(),
			constraint vouchers_balance_in_range check (balance_krw >= 0 and balance_krw <= amount_krw)
		)`.execute(db);
	await sql`create index vouchers_org_idx on vouchers (org_id, expires_at)`.execute(db);
	await sql`create index vouchers_programme_call_idx on vouchers (programme_call_id) where programme_call_id is not null`.execute(
		db
	);

	await sql`
		create table voucher_ledger (
			id uuid primary key default gen_random_uuid(),
			voucher_id uuid not null references vouchers (id) on delete restrict,
			kind text not null check (kind in ('issue', 'spend', 'refund')),
			category text not null check (category in ('grant', 'testbed', 'course')),
			amount_krw integer not null check (amount_krw > 0),
			booking_id uuid references bookings (id) on delete restrict,
			enrolment_id uuid references enrolments (id) on delete restrict,
			refund_of uuid references voucher_ledger (id) on delete restrict,
			actor_id uuid references users (id) on delete set null,
			created_at timestamptz not null default now(),
			constraint voucher_ledger_refund_names_spend check ((kind = 'refund') = (refund_of is not null)),
			constraint voucher_ledger_category check ((category = 'grant') = (kind = 'issue'))
		)`.execute(db);
	await sql`create index voucher_ledger_voucher_idx on voucher_ledger (voucher_id, created_at)`.execute(db);
	// A spend is refunded at most once (a rescheduled booking is refunded and paid again, so a booking
	// may have several spends, but never two unrefunded ones: the service refunds before it re-spends).
	await sql`create unique index voucher_ledger_one_refund on voucher_ledger (refund_of) where refund_of is not null`.execute(
		db
	);
	await sql`create index voucher_ledger_booking_idx on voucher_ledger (booking_id) where booking_id is not null`.execute(
		db
	);
	await sql`create index voucher_ledger_enrolment_idx on voucher_ledger (enrolment_id) where enrolment_id is not null`.execute(
		db
	);

	await sql`alter table cohorts add column fee_krw integer not null default 0 check (fee_krw >= 0)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
	await sql`alter table cohorts drop column if exists fee_krw`.execute(db);
	await sql`drop table if exists voucher_ledger`.execute(db);
	await sql`drop table if exists vouchers`.execute(db);
}
