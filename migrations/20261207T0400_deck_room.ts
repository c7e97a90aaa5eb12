// The deck room (issue #20 item 5): each deck upload's pages rendered to private images by a job,
// and per viewer and page the time spent reading it (the session's analytics sum these, across versions).
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
	await sql`
		create table ir_deck_renders (
			upload_id uuid primary key references uploads (id) on delete cascade,
			event_id uuid not null references ir_events (id) on delete cascade,
			status text not null default 'pending' check (status in ('pending', 'ready', 'failed')),
			page_count int check (page_count is null or page_count between 1 and 500),
			created_at timestamptz not null default now(),
			rendered_at timestamptz,
			check ((status = 'ready') = (page_count is not null))
		)`.execute(db);
	await sql`create index ir_deck_renders_event_idx on ir_deck_renders (event_id, created_at)`.execute(db);
	// Page images live in the database like the uploads they come from: private, never a static path.
	await sql`
		create table ir_deck_pages (
			upload_id uuid not null references ir_deck_renders (upload_id) on delete cascade,
			page int not null check (page between 1 and 500),
			bytes bytea not null,
			primary key (upload_id, page)
		)`.execute(db);
	await sql`
		create table ir_deck_page_views (
			-- No foreign key: a replaced deck's upload is deleted, its reading stays in the analytics.
			upload_id uuid not null,
			event_id uuid not null references ir_events (id) on delete cascade,
			user_id uuid not null references users (id) on delete cascade,
			page int not null check (page between 1 and 500),
			-- The deck version's page count, so completion (saw the last page) outlives the version.
			deck_pages int not null check (page <= deck_pages),
			seconds int not null default 0 check (seconds >= 0),
			first_seen_at timestamptz not null default now(),
			last_seen_at timestamptz not null default now(),
			primary key (upload_id, user_id, page)
		)`.execute(db);
	await sql`create index ir_deck_page_views_event_idx on ir_deck_page_views (event_id)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
	await sql`drop table if exists ir_deck_page_views`.execute(db);
	await sql`drop table if exists ir_deck_pages`.execute(db);
	await sql`drop table if exists ir_deck_renders`.execute(db);
}
