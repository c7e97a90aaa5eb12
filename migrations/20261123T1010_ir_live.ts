// The live IR room's records: attendance per socket join (watch time, analytics), chat, Q&A with
// one vote per person, and removals (a removed participant cannot rejoin that session).
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
	await sql`
		create table ir_attendance (
			id uuid primary key default gen_random_uuid(),
			event_id uuid not null references ir_events (id) on delete cascade,
			user_id uuid not null references users (id) on delete cascade,
			role text not null check (role in ('moderator', 'presenter', 'speaker', 'viewer')),
			joined_at timestamptz not null default now(),
			left_at timestamptz,
			check (left_at is null or left_at >= joined_at)
		)`.execute(db);
	await sql`create index ir_attendance_event_idx on ir_attendance (event_id, user_id)`.execute(db);
	await sql`
		create table ir_chat_messages (
			id uuid primary key default gen_random_uuid(),
			event_id uuid not null references ir_events (id) on delete cascade,
			user_id uuid references users (id) on delete set null,
			body text not null check (char_length(body) between 1 and 1000),
			created_at timestamptz not null default now(),
			deleted_at timestamptz,
			deleted_by uuid references users (id) on delete set null
		)`.execute(db);
	await sql`create index ir_chat_messages_event_idx on ir_chat_messages (event_id, created_at)`.execute(db);
	await sql`
		create table ir_questions (
			id uuid primary key default gen_random_uuid(),
			event_id uuid not null references ir_events (id) on delete cascade,
			user_id uuid references users (id) on delete set null,
			body text not null check (char_length(body) between 1 and 500),
			status text not null default 'pending' check (status in ('pending', 'approved', 'answered', 'dismissed')),
			votes int not null default 0 check (votes >= 0),
			created_at timestamptz not null default now(),
			updated_at timestamptz not null default now()
		)`.execute(db);
	await sql`create index ir_questions_event_idx on ir_questions (event_id, votes desc, created_at)`.execute(db);
	await sql`
		create table ir_question_votes (
			question_id uuid not null references ir_questions (id) on delete cascade,
			user_id uuid not null references users (id) on delete cascade,
			created_at timestamptz not null default now(),
			primary key (question_id, user_id)
		)`.execute(db);
	await sql`
		create table ir_removals (
			event_id uuid not null references ir_events (id) on delete cascade,
			user_id uuid not null references users (id) on delete cascade,
			removed_by uuid references users (id) on delete set null,
			removed_at timestamptz not null default now(),
			primary key (event_id, user_id)
		)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
	await sql`drop table if exists ir_removals`.execute(db);
	await sql`drop table if exists ir_question_votes`.execute(db);
	await sql`drop table if exists ir_questions`.execute(db);
	await sql`drop table if exists ir_chat_messages`.execute(db);
	await sql`drop table if exists ir_attendance`.execute(db);
}
