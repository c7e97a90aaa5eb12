// Cancelling a testing-service request, and the order of a request's attachments.
// the requesting organisation withdraws it (requested, quoted or
// approved), or the facility declines a new one. Both end in status 'cancelled'; who, when, why and
// which side are recorded, and a cancelled row always carries them.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
	await sql`
		alter table test_requests
			add column cancelled_by uuid references users (id) on delete set null,
			add column cancelled_at timestamptz,
			add column cancel_reason text not null default '' check (char_length(cancel_reason) <= 1000),
			add column cancelled_by_facility boolean not null default false`.execute(db);
	// Attachments list in the order they were added (several arrive in one transaction, one now()).
	await sql`alter table test_request_attachments add column added_at timestamptz not null default clock_timestamp()`.execute(
		db
	);
	// Rows cancelled before these columns existed get their last change as the time.
	await sql`update test_requests set cancelled_at = updated_at where status = 'cancelled'`.execute(db);
	await sql`
		alter table test_requests add constraint test_requests_cancelled_check
			check ((status = 'cancelled') = (cancelled_at is not null))`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
	await sql`alter table test_request_attachments drop column if exists added_at`.execute(db);
	await sql`alter table test_requests drop constraint if exists test_requests_cancelled_check`.execute(db);
	await sql`
		alter table test_requests
			drop column if exists cancelled_by,
			drop column if exists cancelled_at,
			drop column if exists cancel_reason,
			drop column if exists cancelled_by_facility`.execute(db);
}
