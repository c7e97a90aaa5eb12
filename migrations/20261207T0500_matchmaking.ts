// Investor theses and matchmaking days (issue #20 item 6). A thesis belongs to one investor organisation;
// a day has participants on two sides, their picks, and the 1:1 slots made from mutual picks. The two
// exclusion constraints are the last word against a double-booked organisation, whatever runs in parallel.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
	await sql`
		create table investor_theses (
			org_id uuid primary key references organizations (id) on delete cascade,
			stages text[] not null default '{}'
				check (stages <@ array['pre_seed', 'seed', 'series_a', 'series_b', 'series_c', 'growth']::text[]),
			regulatory_stages text[] not null default '{}'
				check (regulatory_stages <@ array['pre_clinical', 'clinical_trial', 'mfds_approved', 'fda_cleared', 'ce_marked']::text[]),
			ticket_min_krw bigint not null check (ticket_min_krw >= 0),
			ticket_max_krw bigint not null,
			updated_by uuid references users (id) on delete set null,
			updated_at timestamptz not null default now(),
			check (ticket_min_krw <= ticket_max_krw)
		)`.execute(db);
	await sql`
		create table investor_thesis_terms (
			org_id uuid not null references investor_theses (org_id) on delete cascade,
			term_id uuid not null references taxonomy_terms (id) on delete cascade,
			primary key (org_id, term_id)
		)`.execute(db);
	await sql`
		create table matchmaking_days (
			id uuid primary key default gen_random_uuid(),
			title text not null check (char_length(title) between 1 and 200),
			starts_at timestamptz not null,
			ends_at timestamptz not null,
			slot_minutes int not null check (slot_minutes between 10 and 120),
			location text not null default '' check (char_length(location) <= 300),
			online boolean not null default false,
			picks_close_at timestamptz not null,
			scheduled_at timestamptz,
			created_by uuid references users (id) on delete set null,
			created_at timestamptz not null default now(),
			check (ends_at > starts_at),
			check (picks_close_at <= starts_at)
		)`.execute(db);
	await sql`
		create table matchmaking_participants (
			day_id uuid not null references matchmaking_days (id) on delete cascade,
			org_id uuid not null references organizations (id) on delete cascade,
			side text not null check (side in ('startup', 'investor')),
			primary key (day_id, org_id),
			unique (day_id, org_id, side)
		)`.execute(db);
	await sql`
		create table matchmaking_picks (
			day_id uuid not null,
			picker_org_id uuid not null,
			picker_side text not null,
			picked_org_id uuid not null,
			picked_side text not null,
			created_by uuid references users (id) on delete set null,
			created_at timestamptz not null default now(),
			primary key (day_id, picker_org_id, picked_org_id),
			check (picker_side <> picked_side),
			foreign key (day_id, picker_org_id, picker_side) references matchmaking_participants (day_id, org_id, side) on delete cascade,
			foreign key (day_id, picked_org_id, picked_side) references matchmaking_participants (day_id, org_id, side) on delete cascade
		)`.execute(db);
	await sql`
		create table matchmaking_slots (
			id uuid primary key default gen_random_uuid(),
			day_id uuid not null references matchmaking_days (id) on delete cascade,
			startup_org_id uuid not null references organizations (id) on delete cascade,
			investor_org_id uuid not null references organizations (id) on delete cascade,
			during tstzrange not null,
			meeting_request_id uuid references meeting_requests (id) on delete set null,
			unique (day_id, startup_org_id, investor_org_id),
			constraint matchmaking_slots_startup_free exclude using gist (startup_org_id with =, during with &&),
			constraint matchmaking_slots_investor_free exclude using gist (investor_org_id with =, during with &&)
		)`.execute(db);
	await sql`alter table meeting_requests drop constraint meeting_requests_context_type_check`.execute(db);
	await sql`alter table meeting_requests add constraint meeting_requests_context_type_check check (context_type in ('need_response', 'ir_event', 'programme_consulting', 'matchmaking'))`.execute(
		db
	);
}

export async function down(db: Kysely<any>): Promise<void> {
	await sql`drop table if exists matchmaking_slots`.execute(db);
	await sql`delete from meeting_requests where context_type = 'matchmaking'`.execute(db);
	await sql`alter table meeting_requests drop constraint meeting_requests_context_type_check`.execute(db);
	await sql`alter table meeting_requests add constraint meeting_requests_context_type_check check (context_type in ('need_response', 'ir_event', 'programme_consulting'))`.execute(
		db
	);
	await sql`drop table if exists matchmaking_picks`.execute(db);
	await sql`drop table if exists matchmaking_participants`.execute(db);
	await sql`drop table if exists matchmaking_days`.execute(db);
	await sql`drop table if exists investor_thesis_terms`.execute(db);
	await sql`drop table if exists investor_theses`.execute(db);
}
