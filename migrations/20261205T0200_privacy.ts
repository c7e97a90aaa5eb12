// Personal data as PIPA asks (issue #16 part B): the versions of the privacy notice, and every
// consent a person gave or withdrew, each against the notice version they read. Rows are only
// ever added: the newest row per (user, purpose) is the person's current choice.
import { sql, type Kysely } from 'kysely';

const FIRST_NOTICE_VERSION = '2026-12-01';

export async function up(db: Kysely<any>): Promise<void> {
	await sql`
		create table privacy_notices (
			-- The notice in force is the one published last: the highest id (clocks may disagree, ids do not).
			id bigint generated always as identity unique,
			version text primary key check (version ~ '^[A-Za-z0-9._-]{1,40}$'),
			published_by uuid references users (id) on delete set null,
			published_at timestamptz not null default now()
		)`.execute(db);
	await sql`insert into privacy_notices (version, published_at) values (${FIRST_NOTICE_VERSION}, '2026-12-01T00:00:00Z')`.execute(
		db
	);
	await sql`
		create table privacy_consents (
			id bigint generated always as identity primary key,
			user_id uuid not null references users (id) on delete cascade,
			purpose text not null check (purpose in ('required', 'marketing_email', 'profile_listing')),
			granted boolean not null,
			notice_version text not null references privacy_notices (version),
			created_at timestamptz not null default now(),
			check (purpose <> 'required' or granted)
		)`.execute(db);
	await sql`create index privacy_consents_user_idx on privacy_consents (user_id, purpose, id desc)`.execute(db);
	// What the retention job removed, run by run (counts only: never the removed data itself).
	await sql`
		create table privacy_retention_runs (
			id bigint generated always as identity primary key,
			ran_at timestamptz not null default now(),
			removed jsonb not null
		)`.execute(db);
	await sql`alter table users add column deleted_at timestamptz`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
	await sql`alter table users drop column if exists deleted_at`.execute(db);
	await sql`drop table if exists privacy_retention_runs`.execute(db);
	await sql`drop table if exists privacy_consents`.execute(db);
	await sql`drop table if exists privacy_notices`.execute(db);
}
