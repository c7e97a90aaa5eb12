// IR recordings (issue #14): one row per start/stop of recording in a live room, the replay views
// that feed the session's analytics, and the registrant's acknowledgement that the session may be
// recorded. Files live in the recordings store; rows only name them by key.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
	await sql`
		create table ir_recordings (
			id uuid primary key default gen_random_uuid(),
			event_id uuid not null references ir_events (id) on delete cascade,
			status text not null default 'recording' check (status in ('recording', 'processing', 'ready', 'failed')),
			started_by uuid references users (id) on delete set null,
			started_at timestamptz not null default now(),
			stopped_at timestamptz,
			published boolean not null default true,
			storage_key text,
			mime_type text,
			size_bytes bigint check (size_bytes is null or size_bytes >= 0),
			duration_ms integer check (duration_ms is null or duration_ms >= 0),
			progress integer not null default 0 check (progress between 0 and 100),
			last_error text,
			processed_at timestamptz,
			created_at timestamptz not null default now(),
			updated_at timestamptz not null default now(),
			check ((status = 'recording') = (stopped_at is null)),
			check (status <> 'ready' or storage_key is not null)
		)`.execute(db);
	// At most one recording running per session, whatever two moderators click at once.
	await sql`create unique index ir_recordings_running_key on ir_recordings (event_id) where status = 'recording'`.execute(
		db
	);
	await sql`create index ir_recordings_event_idx on ir_recordings (event_id, started_at)`.execute(db);
	await sql`
		create table ir_replay_views (
			id uuid primary key default gen_random_uuid(),
			recording_id uuid not null references ir_recordings (id) on delete cascade,
			event_id uuid not null references ir_events (id) on delete cascade,
			user_id uuid not null references users (id) on delete cascade,
			started_at timestamptz not null default now(),
			watched_seconds integer not null default 0 check (watched_seconds >= 0),
			updated_at timestamptz not null default now()
		)`.execute(db);
	await sql`create index ir_replay_views_event_idx on ir_replay_views (event_id, user_id)`.execute(db);
	await sql`alter table ir_registrations add column recording_ack_at timestamptz`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
	await sql`alter table ir_registrations drop column if exists recording_ack_at`.execute(db);
	await sql`drop table if exists ir_replay_views`.execute(db);
	await sql`drop table if exists ir_recordings`.execute(db);
}
