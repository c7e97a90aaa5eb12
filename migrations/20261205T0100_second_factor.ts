// Second factors (issue #16 part A): TOTP with hashed single-use recovery codes, WebAuthn passkeys and
// their one-time challenges, sessions that record whether they passed a second factor and when they
// were last used, the devices each user has signed in from, and organisations that require 2FA.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
	await sql`alter table users add column totp_key bytea`.execute(db);
	// The time step of the last accepted code: a code of that step or an earlier one is a replay.
	await sql`alter table users add column totp_last_step bigint`.execute(db);
	await sql`alter table users add column totp_enabled_at timestamptz`.execute(db);
	await sql`alter table users add constraint users_totp_check check ((totp_key is null) = (totp_enabled_at is null))`.execute(
		db
	);
	await sql`alter table organizations add column require_two_factor boolean not null default false`.execute(db);
	await sql`alter table sessions add column two_factor_verified boolean not null default false`.execute(db);
	await sql`alter table sessions add column last_used_at timestamptz not null default now()`.execute(db);

	await sql`
		create table recovery_codes (
			id uuid primary key default gen_random_uuid(),
			user_id uuid not null references users (id) on delete cascade,
			code_hash bytea not null,
			used_at timestamptz,
			created_at timestamptz not null default now()
		)`.execute(db);
	await sql`create unique index recovery_codes_user_hash_key on recovery_codes (user_id, code_hash)`.execute(db);

	await sql`
		create table passkeys (
			id bytea primary key,
			user_id uuid not null references users (id) on delete cascade,
			name text not null check (char_length(name) between 1 and 60),
			algorithm integer not null check (algorithm in (-7, -257)),
			public_key bytea not null,
			created_at timestamptz not null default now(),
			last_used_at timestamptz
		)`.execute(db);
	await sql`create index passkeys_user_idx on passkeys (user_id)`.execute(db);

	// A challenge is stored hashed and deleted when used: each one verifies at most one ceremony.
	await sql`
		create table webauthn_challenges (
			challenge_hash bytea primary key,
			user_id uuid references users (id) on delete cascade,
			purpose text not null check (purpose in ('register', 'sign_in')),
			expires_at timestamptz not null
		)`.execute(db);
	await sql`create index webauthn_challenges_expiry_idx on webauthn_challenges (expires_at)`.execute(db);

	await sql`
		create table known_devices (
			user_id uuid not null references users (id) on delete cascade,
			device text not null,
			first_seen_at timestamptz not null default now(),
			last_seen_at timestamptz not null default now(),
			primary key (user_id, device)
		)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
	await sql`drop table known_devices`.execute(db);
	await sql`drop table webauthn_challenges`.execute(db);
	await sql`drop table passkeys`.execute(db);
	await sql`drop table recovery_codes`.execute(db);
	await sql`alter table sessions drop column last_used_at`.execute(db);
	await sql`alter table sessions drop column two_factor_verified`.execute(db);
	await sql`alter table organizations drop column require_two_factor`.execute(db);
	await sql`alter table users drop constraint users_totp_check`.execute(db);
	await sql`alter table users drop column totp_enabled_at`.execute(db);
	await sql`alter table users drop column totp_last_step`.execute(db);
	await sql`alter table users drop column totp_key`.execute(db);
}
