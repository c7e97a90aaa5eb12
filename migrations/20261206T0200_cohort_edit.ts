// Editing and cancelling a cohort: the reason a cohort was cancelled, a version per meeting (so a
// calendar app replaces a moved meeting), the trainee's choice to pay the fee with a voucher (kept
// until the place becomes a seat), and at most one voucher spend per enrolment.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
	await sql`alter table cohorts add column cancel_reason text check (cancel_reason is null or length(cancel_reason) between 1 and 500)`.execute(
		db
	);
	await sql`alter table cohorts add constraint cohorts_cancel_reason_with_cancel check ((cancel_reason is null) or (cancelled_at is not null))`.execute(
		db
	);
	await sql`alter table cohort_meetings add column sequence integer not null default 0 check (sequence >= 0)`.execute(
		db
	);
	await sql`alter table cohort_meetings add column updated_at timestamptz not null default now()`.execute(db);
	await sql`alter table enrolments add column pay_with_voucher boolean not null default false`.execute(db);
	// An enrolment holds one seat at most once, so it is paid at most once (a refund ends it for good).
	await sql`create unique index voucher_ledger_one_spend_per_enrolment on voucher_ledger (enrolment_id) where kind = 'spend' and enrolment_id is not null`.execute(
		db
	);
}

export async function down(db: Kysely<any>): Promise<void> {
	await sql`drop index if exists voucher_ledger_one_spend_per_enrolment`.execute(db);
	await sql`alter table enrolments drop column if exists pay_with_voucher`.execute(db);
	await sql`alter table cohort_meetings drop column if exists updated_at`.execute(db);
	await sql`alter table cohort_meetings drop column if exists sequence`.execute(db);
	await sql`alter table cohorts drop constraint if exists cohorts_cancel_reason_with_cancel`.execute(db);
	await sql`alter table cohorts drop column if exists cancel_reason`.execute(db);
}
