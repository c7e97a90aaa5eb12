// Background work on PostgreSQL: a job table claimed with FOR UPDATE SKIP LOCKED (any number of
// nodes), reminders recorded once per (kind, item, offset, version, person), private calendar feed
// tokens (only a SHA-256 stored), per-kind notification preferences and the weekly needs digest log.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
	await sql`
		create table jobs (
			id uuid primary key default gen_random_uuid(),
			name text not null,
			key text not null unique,
			payload jsonb not null default '{}'::jsonb,
			run_at timestamptz not null default now(),
			state text not null default 'queued' check (state in ('queued', 'running', 'done', 'failed')),
			attempts integer not null default 0 check (attempts >= 0),
			max_attempts integer not null default 5 check (max_attempts >= 1),
			every_seconds integer check (every_seconds is null or every_seconds >= 1),
			locked_by text,
			locked_until timestamptz,
			last_error text,
			done_at timestamptz,
			created_at timestamptz not null default now(),
			updated_at timestamptz not null default now(),
			check ((state = 'running') = (locked_by is not null))
		)`.execute(db);
	await sql`create index jobs_due_idx on jobs (run_at) where state = 'queued'`.execute(db);
	await sql`create index jobs_stale_idx on jobs (locked_until) where state = 'running'`.execute(db);

	await sql`
		create table reminders_sent (
			kind text not null,
			entity_id uuid not null,
			offset_minutes integer not null,
			sequence integer not null,
			user_id uuid not null references users (id) on delete cascade,
			sent_at timestamptz not null default now(),
			primary key (kind, entity_id, offset_minutes, sequence, user_id)
		)`.execute(db);

	await sql`
		create table calendar_feed_tokens (
			id uuid primary key default gen_random_uuid(),
			user_id uuid not null references users (id) on delete cascade,
			facility_id uuid references facilities (id) on delete cascade,
			secret_hash bytea not null unique,
			created_at timestamptz not null default now(),
			last_used_at timestamptz,
			revoked_at timestamptz
		)`.execute(db);
	// One live token per person (facility_id null) and per person and facility.
	await sql`create unique index calendar_feed_tokens_live_key on calendar_feed_tokens (user_id, coalesce(facility_id, '00000000-0000-0000-0000-000000000000'::uuid)) where revoked_at is null`.execute(
		db
	);

	await sql`
		create table notification_preferences (
			user_id uuid not null references users (id) on delete cascade,
			kind text not null,
			in_app boolean not null default true,
			email boolean not null default true,
			updated_at timestamptz not null default now(),
			primary key (user_id, kind)
		)`.execute(db);

	await sql`
		create table digest_sends (
			user_id uuid not null references users (id) on delete cascade,
			iso_week text not null check (iso_week ~ '^[0-9]{4}-W[0-9]{2}$'),
			need_ids uuid[] not null,
			unsubscribe_hash bytea not null unique,
			sent_at timestamptz not null default now(),
			primary key (user_id, iso_week)
		)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
	await sql`drop table if exists digest_sends`.execute(db);
	await sql`drop table if exists notification_preferences`.execute(db);
	await sql`drop table if exists calendar_feed_tokens`.execute(db);
	await sql`drop table if exists reminders_sent`.execute(db);
	await sql`drop table if exists jobs`.execute(db);
}
