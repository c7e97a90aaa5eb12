// IR sessions: a verified startup presents to members/investors at a scheduled time; attendees
// register (with an NDA click-through when required). The live room's tables come from
// migrations/20261123T1010_ir_live.ts.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
	await sql`
		create table ir_events (
			id uuid primary key default gen_random_uuid(),
			org_id uuid not null references organizations (id) on delete cascade,
			title_ko text not null,
			title_en text not null,
			summary_ko text not null,
			summary_en text not null,
			starts_at timestamptz not null,
			duration_minutes integer not null check (duration_minutes between 15 and 240),
			access text not null check (access in ('members', 'investors', 'open')),
			nda_required boolean not null default false,
			nda_text text,
			nda_version text,
			deck_upload_id uuid references uploads (id) on delete set null,
			moderator_id uuid not null references users (id),
			status text not null default 'scheduled' check (status in ('scheduled', 'live', 'ended', 'cancelled')),
			live_started_at timestamptz,
			ended_at timestamptz,
			peak_viewers integer not null default 0 check (peak_viewers >= 0),
			sequence integer not null default 0 check (sequence >= 0),
			cancel_reason text,
			created_by uuid references users (id) on delete set null,
			created_at timestamptz not null default now(),
			updated_at timestamptz not null default now(),
			check (title_ko <> '' or title_en <> ''),
			check (not nda_required or (nda_text is not null and nda_text <> '' and nda_version is not null and nda_version <> '')),
			check (status <> 'cancelled' or cancel_reason is not null)
		)`.execute(db);
	await sql`create index ir_events_status_starts_idx on ir_events (status, starts_at)`.execute(db);
	await sql`create index ir_events_org_idx on ir_events (org_id, starts_at desc)`.execute(db);

	await sql`
		create table ir_event_presenters (
			event_id uuid not null references ir_events (id) on delete cascade,
			user_id uuid not null references users (id) on delete cascade,
			primary key (event_id, user_id)
		)`.execute(db);
	await sql`create index ir_event_presenters_user_idx on ir_event_presenters (user_id)`.execute(db);

	await sql`
		create table ir_registrations (
			event_id uuid not null references ir_events (id) on delete cascade,
			user_id uuid not null references users (id) on delete cascade,
			org_id uuid references organizations (id) on delete set null,
			nda_version text,
			nda_accepted_at timestamptz,
			nda_ip text,
			registered_at timestamptz not null default now(),
			cancelled_at timestamptz,
			primary key (event_id, user_id),
			check ((nda_version is null) = (nda_accepted_at is null))
		)`.execute(db);
	await sql`create index ir_registrations_user_idx on ir_registrations (user_id, event_id) where cancelled_at is null`.execute(
		db
	);
	// One open or agreed follow-up meeting per investor firm and session, even when two colleagues ask at once.
	await sql`
		create unique index meeting_requests_ir_open_key on meeting_requests (context_id, requester_org_id)
		where context_type = 'ir_event' and status in ('requested', 'accepted')`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
	await sql`drop index if exists meeting_requests_ir_open_key`.execute(db);
	await sql`drop table if exists ir_registrations`.execute(db);
	await sql`drop table if exists ir_event_presenters`.execute(db);
	await sql`drop table if exists ir_events`.execute(db);
}
