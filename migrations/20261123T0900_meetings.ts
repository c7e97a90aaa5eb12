// Follow-up meetings between two organisations, shared by accepted need responses and (later) IR
// sessions: the requester proposes one to three slots; the recipient accepts one or declines.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
	await sql`
		create table meeting_requests (
			id uuid primary key default gen_random_uuid(),
			requester_id uuid references users (id) on delete set null,
			requester_org_id uuid not null references organizations (id) on delete cascade,
			recipient_org_id uuid not null references organizations (id) on delete cascade,
			context_type text not null check (context_type in ('need_response', 'ir_event')),
			context_id uuid not null,
			message text not null default '',
			status text not null default 'requested' check (status in ('requested', 'accepted', 'declined', 'expired', 'cancelled')),
			chosen_slot_id uuid,
			decline_message text,
			decided_by uuid references users (id) on delete set null,
			decided_at timestamptz,
			expires_at timestamptz not null default now() + interval '7 days',
			created_at timestamptz not null default now(),
			check (requester_org_id <> recipient_org_id),
			check (status <> 'accepted' or chosen_slot_id is not null),
			check (chosen_slot_id is null or status in ('accepted', 'cancelled')),
			check (status = 'declined' or decline_message is null)
		)`.execute(db);
	await sql`create index meeting_requests_requester_idx on meeting_requests (requester_org_id, created_at desc)`.execute(
		db
	);
	await sql`create index meeting_requests_recipient_idx on meeting_requests (recipient_org_id, created_at desc)`.execute(
		db
	);
	await sql`create index meeting_requests_open_idx on meeting_requests (expires_at) where status = 'requested'`.execute(
		db
	);
	await sql`
		create table meeting_request_slots (
			id uuid primary key default gen_random_uuid(),
			request_id uuid not null references meeting_requests (id) on delete cascade,
			starts_at timestamptz not null,
			ends_at timestamptz not null,
			check (ends_at > starts_at)
		)`.execute(db);
	await sql`create index meeting_request_slots_request_idx on meeting_request_slots (request_id, starts_at)`.execute(
		db
	);
	// The chosen slot must be one of the request's own slots.
	await sql`create unique index meeting_request_slots_request_key on meeting_request_slots (request_id, id)`.execute(
		db
	);
	await sql`alter table meeting_requests add constraint meeting_requests_chosen_slot_fk foreign key (id, chosen_slot_id) references meeting_request_slots (request_id, id)`.execute(
		db
	);
}

export async function down(db: Kysely<any>): Promise<void> {
	await sql`alter table meeting_requests drop constraint if exists meeting_requests_chosen_slot_fk`.execute(db);
	await sql`drop table if exists meeting_request_slots`.execute(db);
	await sql`drop table if exists meeting_requests`.execute(db);
}
