// Foundation: accounts, sessions, tokens, organisations, memberships, audit log, notifications, outbox.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
	await sql`create extension if not exists btree_gist`.execute(db);
	await sql`create extension if not exists pg_trgm`.execute(db);

	await sql`
		create table users (
			id uuid primary key default gen_random_uuid(),
			email text not null,
			email_verified_at timestamptz,
			password_hash text not null,
			name text not null,
			locale text not null default 'ko' check (locale in ('ko', 'en')),
			time_zone text not null default 'Asia/Seoul',
			is_operator boolean not null default false,
			disabled_at timestamptz,
			created_at timestamptz not null default now(),
			updated_at timestamptz not null default now()
		)`.execute(db);
	await sql`create unique index users_email_key on users (lower(email))`.execute(db);

	await sql`
		create table sessions (
			id text primary key,
			secret_hash bytea not null,
			user_id uuid not null references users (id) on delete cascade,
			created_at timestamptz not null default now(),
			expires_at timestamptz not null,
			ip text,
			user_agent text
		)`.execute(db);
	await sql`create index sessions_user_id_idx on sessions (user_id)`.execute(db);

	await sql`
		create table api_tokens (
			id text primary key,
			secret_hash bytea not null,
			user_id uuid not null references users (id) on delete cascade,
			name text not null,
			created_at timestamptz not null default now(),
			last_used_at timestamptz,
			revoked_at timestamptz
		)`.execute(db);
	await sql`create index api_tokens_user_id_idx on api_tokens (user_id)`.execute(db);

	await sql`
		create table one_time_tokens (
			id text primary key,
			secret_hash bytea not null,
			user_id uuid not null references users (id) on delete cascade,
			purpose text not null check (purpose in ('email_verification', 'password_reset')),
			expires_at timestamptz not null,
			used_at timestamptz,
			created_at timestamptz not null default now()
		)`.execute(db);
	await sql`create index one_time_tokens_user_idx on one_time_tokens (user_id, purpose)`.execute(db);

	await sql`
		create table organizations (
			id uuid primary key default gen_random_uuid(),
			slug text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
			kind text not null check (kind in ('company', 'hospital', 'agency', 'university', 'investor')),
			name_ko text not null,
			name_en text not null,
			summary_ko text not null default '',
			summary_en text not null default '',
			description_ko text not null default '',
			description_en text not null default '',
			region text not null default '',
			website text check (website ~ '^https?://'),
			founded_year integer check (founded_year between 1800 and 2100),
			status text not null default 'pending' check (status in ('pending', 'verified', 'rejected')),
			status_reason text,
			verified_at timestamptz,
			created_by uuid references users (id) on delete set null,
			created_at timestamptz not null default now(),
			updated_at timestamptz not null default now(),
			check (status <> 'rejected' or status_reason is not null)
		)`.execute(db);
	await sql`create index organizations_status_idx on organizations (status, kind)`.execute(db);

	await sql`
		create table memberships (
			org_id uuid not null references organizations (id) on delete cascade,
			user_id uuid not null references users (id) on delete cascade,
			role text not null check (role in ('owner', 'admin', 'member')),
			created_at timestamptz not null default now(),
			primary key (org_id, user_id)
		)`.execute(db);
	await sql`create index memberships_user_idx on memberships (user_id)`.execute(db);

	await sql`
		create table join_requests (
			id uuid primary key default gen_random_uuid(),
			org_id uuid not null references organizations (id) on delete cascade,
			user_id uuid not null references users (id) on delete cascade,
			message text not null default '',
			status text not null default 'pending' check (status in ('pending', 'accepted', 'refused')),
			decided_by uuid references users (id) on delete set null,
			decided_at timestamptz,
			created_at timestamptz not null default now()
		)`.execute(db);
	await sql`create index join_requests_user_idx on join_requests (user_id)`.execute(db);
	await sql`create unique index join_requests_pending_key on join_requests (org_id, user_id) where status = 'pending'`.execute(
		db
	);

	await sql`
		create table invitations (
			id text primary key,
			secret_hash bytea not null,
			org_id uuid not null references organizations (id) on delete cascade,
			email text not null,
			role text not null check (role in ('admin', 'member')),
			invited_by uuid references users (id) on delete set null,
			expires_at timestamptz not null,
			accepted_at timestamptz,
			revoked_at timestamptz,
			created_at timestamptz not null default now()
		)`.execute(db);
	await sql`create index invitations_org_idx on invitations (org_id)`.execute(db);

	await sql`
		create table audit_log (
			id bigint generated always as identity primary key,
			actor_id uuid references users (id) on delete set null,
			action text not null,
			entity_type text not null,
			entity_id text not null,
			data jsonb not null default '{}'::jsonb,
			ip text,
			created_at timestamptz not null default now()
		)`.execute(db);
	await sql`create index audit_log_created_idx on audit_log (created_at desc)`.execute(db);
	await sql`create index audit_log_entity_idx on audit_log (entity_type, entity_id)`.execute(db);
	await sql`create index audit_log_actor_idx on audit_log (actor_id, created_at desc)`.execute(db);

	await sql`
		create table notifications (
			id uuid primary key default gen_random_uuid(),
			user_id uuid not null references users (id) on delete cascade,
			kind text not null,
			params jsonb not null default '{}'::jsonb,
			link text,
			read_at timestamptz,
			created_at timestamptz not null default now()
		)`.execute(db);
	await sql`create index notifications_user_idx on notifications (user_id, created_at desc)`.execute(db);

	await sql`
		create table email_outbox (
			id uuid primary key default gen_random_uuid(),
			to_address text not null,
			subject text not null,
			body_text text not null,
			status text not null default 'queued' check (status in ('queued', 'sending', 'sent', 'failed', 'kept')),
			attempts integer not null default 0,
			claimed_at timestamptz,
			last_error text,
			created_at timestamptz not null default now(),
			sent_at timestamptz
		)`.execute(db);
	await sql`create index email_outbox_created_idx on email_outbox (created_at desc)`.execute(db);
	await sql`create index email_outbox_queued_idx on email_outbox (status) where status = 'queued'`.execute(db);

	await sql`
		create table rate_limits (
			key text primary key,
			window_start timestamptz not null,
			hits integer not null
		)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
	for (const table of [
		'rate_limits',
		'email_outbox',
		'notifications',
		'audit_log',
		'invitations',
		'join_requests',
		'memberships',
		'organizations',
		'one_time_tokens',
		'api_tokens',
		'sessions',
		'users'
	]) {
		await db.schema.dropTable(table).ifExists().execute();
	}
}
