// Testing services ("대행 시험", iLab service requests): a startup's organisation asks a facility for a
// test; the facility's manager quotes line items; the organisation's admin approves or declines; the
// facility receives the samples, runs the test and delivers a report. The status check lives in the
// database as well as in the service, so no write path can invent a state.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
	await sql`alter table uploads drop constraint uploads_purpose_check`.execute(db);
	await sql`alter table uploads add constraint uploads_purpose_check check (purpose in ('logo', 'attachment', 'ir_deck', 'need_attachment', 'need_response_attachment', 'test_request_attachment', 'test_report'))`.execute(
		db
	);
	await sql`
		create table test_requests (
			id uuid primary key default gen_random_uuid(),
			org_id uuid not null references organizations (id) on delete cascade,
			facility_id uuid not null references facilities (id) on delete cascade,
			requested_by uuid references users (id) on delete set null,
			standard text not null check (standard in ('iec_60601_1', 'iec_60601_1_2', 'iec_62304', 'iso_10993', 'iso_14971', 'other')),
			standard_other text check (char_length(standard_other) <= 200),
			sample_count int not null check (sample_count between 1 and 1000),
			notes text not null default '' check (char_length(notes) <= 4000),
			status text not null default 'requested'
				check (status in ('requested', 'quoted', 'approved', 'declined', 'received', 'in_progress', 'delivered', 'cancelled')),
			turnaround_days int check (turnaround_days between 1 and 365),
			vat_krw int check (vat_krw >= 0),
			total_krw int check (total_krw >= 0),
			quoted_by uuid references users (id) on delete set null,
			quoted_at timestamptz,
			decided_by uuid references users (id) on delete set null,
			decided_at timestamptz,
			received_at timestamptz,
			due_at timestamptz,
			delivered_at timestamptz,
			report_upload_id uuid references uploads (id) on delete restrict,
			created_at timestamptz not null default now(),
			updated_at timestamptz not null default now(),
			check ((standard = 'other') = (standard_other is not null)),
			-- A quote is whole or absent; a delivered request carries its report.
			check ((quoted_at is null) = (total_krw is null) and (quoted_at is null) = (turnaround_days is null)),
			check (status <> 'delivered' or (report_upload_id is not null and delivered_at is not null)),
			check (status in ('requested', 'cancelled') or quoted_at is not null)
		)`.execute(db);
	await sql`create index test_requests_org_idx on test_requests (org_id, created_at desc)`.execute(db);
	await sql`create index test_requests_facility_idx on test_requests (facility_id, created_at desc)`.execute(db);
	await sql`
		create table test_request_quote_lines (
			id uuid primary key default gen_random_uuid(),
			request_id uuid not null references test_requests (id) on delete cascade,
			position int not null,
			label text not null check (char_length(label) between 1 and 200),
			quantity int not null check (quantity between 1 and 1000),
			unit_price_krw int not null check (unit_price_krw between 0 and 1000000000),
			unique (request_id, position)
		)`.execute(db);
	await sql`
		create table test_request_attachments (
			request_id uuid not null references test_requests (id) on delete cascade,
			upload_id uuid not null references uploads (id) on delete restrict,
			primary key (request_id, upload_id)
		)`.execute(db);
	await sql`
		create table test_request_messages (
			id uuid primary key default gen_random_uuid(),
			request_id uuid not null references test_requests (id) on delete cascade,
			author_id uuid references users (id) on delete set null,
			body text not null check (char_length(body) between 1 and 4000),
			created_at timestamptz not null default now()
		)`.execute(db);
	await sql`create index test_request_messages_request_idx on test_request_messages (request_id, created_at)`.execute(
		db
	);
}

export async function down(db: Kysely<any>): Promise<void> {
	await sql`drop table if exists test_request_messages`.execute(db);
	await sql`drop table if exists test_request_attachments`.execute(db);
	await sql`drop table if exists test_request_quote_lines`.execute(db);
	await sql`drop table if exists test_requests`.execute(db);
	await sql`delete from uploads where purpose in ('test_request_attachment', 'test_report')`.execute(db);
	await sql`alter table uploads drop constraint uploads_purpose_check`.execute(db);
	await sql`alter table uploads add constraint uploads_purpose_check check (purpose in ('logo', 'attachment', 'ir_deck', 'need_attachment', 'need_response_attachment'))`.execute(
		db
	);
}
