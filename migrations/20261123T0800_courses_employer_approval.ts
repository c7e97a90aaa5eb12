// Employer approval and QR self check-in for courses. An enrolment in a cohort that needs the
// employer's approval waits as `awaiting_employer` (holding no seat, but counting as the person's one
// live enrolment) until an admin of the trainee's organisation approves it or refuses it (`refused`,
// with a reason). Check-in codes are signed with a per-database secret kept in a one-row table.
import { sql, type Kysely } from 'kysely';

const LIVE_BEFORE = `'enrolled', 'waitlisted', 'offered', 'completed'`;
const STATUSES_BEFORE = `'enrolled', 'waitlisted', 'offered', 'cancelled', 'expired', 'completed'`;

export async function up(db: Kysely<any>): Promise<void> {
	await sql`alter table enrolments drop constraint enrolments_status_check`.execute(db);
	await sql
		.raw(
			`alter table enrolments add constraint enrolments_status_check check (status in (${STATUSES_BEFORE}, 'awaiting_employer', 'refused'))`
		)
		.execute(db);
	await sql`
		alter table enrolments
			add column employer_decided_by uuid references users (id) on delete set null,
			add column employer_decided_at timestamptz,
			add column refusal_reason text,
			add constraint enrolments_refusal_reason_check check ((status = 'refused') = (refusal_reason is not null))`.execute(db);
	await sql`drop index enrolments_live_key`.execute(db);
	await sql
		.raw(
			`create unique index enrolments_live_key on enrolments (cohort_id, user_id) where status in (${LIVE_BEFORE}, 'awaiting_employer')`
		)
		.execute(db);
	// The approvals page lists each organisation's waiting requests.
	await sql`create index enrolments_awaiting_employer_idx on enrolments (org_id, created_at) where status = 'awaiting_employer'`.execute(
		db
	);

	await sql`
		create table course_check_in_secrets (
			id boolean primary key default true check (id),
			secret bytea not null check (octet_length(secret) >= 32),
			created_at timestamptz not null default now()
		)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
	await sql`drop table if exists course_check_in_secrets`.execute(db);
	await sql`drop index if exists enrolments_awaiting_employer_idx`.execute(db);
	await sql`update enrolments set status = 'cancelled' where status in ('awaiting_employer', 'refused')`.execute(db);
	await sql`drop index enrolments_live_key`.execute(db);
	await sql
		.raw(`create unique index enrolments_live_key on enrolments (cohort_id, user_id) where status in (${LIVE_BEFORE})`)
		.execute(db);
	await sql`alter table enrolments drop constraint enrolments_refusal_reason_check, drop column refusal_reason, drop column employer_decided_at, drop column employer_decided_by`.execute(
		db
	);
	await sql`alter table enrolments drop constraint enrolments_status_check`.execute(db);
	await sql
		.raw(`alter table enrolments add constraint enrolments_status_check check (status in (${STATUSES_BEFORE}))`)
		.execute(db);
}
