// Polls in the live IR room (issue #20): the moderator asks, each attendee answers once, the results
// are live and in the session's export. At most one open poll per session at a time.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
	await sql`
		create table ir_polls (
			id uuid primary key default gen_random_uuid(),
			event_id uuid not null references ir_events (id) on delete cascade,
			question text not null check (char_length(question) between 1 and 300),
			status text not null default 'open' check (status in ('open', 'closed')),
			created_by uuid references users (id) on delete set null,
			created_at timestamptz not null default now(),
			closed_at timestamptz,
			check ((status = 'closed') = (closed_at is not null))
		)`.execute(db);
	await sql`create index ir_polls_event_idx on ir_polls (event_id, created_at)`.execute(db);
	await sql`create unique index ir_polls_one_open on ir_polls (event_id) where status = 'open'`.execute(db);
	await sql`
		create table ir_poll_options (
			id uuid primary key default gen_random_uuid(),
			poll_id uuid not null references ir_polls (id) on delete cascade,
			position int not null check (position between 0 and 5),
			label text not null check (char_length(label) between 1 and 120),
			unique (poll_id, position),
			unique (poll_id, id)
		)`.execute(db);
	await sql`
		create table ir_poll_answers (
			poll_id uuid not null references ir_polls (id) on delete cascade,
			option_id uuid not null,
			user_id uuid not null references users (id) on delete cascade,
			answered_at timestamptz not null default now(),
			primary key (poll_id, user_id),
			foreign key (poll_id, option_id) references ir_poll_options (poll_id, id) on delete cascade
		)`.execute(db);
	await sql`create index ir_poll_answers_option_idx on ir_poll_answers (option_id)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
	await sql`drop table if exists ir_poll_answers`.execute(db);
	await sql`drop table if exists ir_poll_options`.execute(db);
	await sql`drop table if exists ir_polls`.execute(db);
}
