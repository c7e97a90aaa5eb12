// Consulting sessions and declared organisation relations.
// - A call has consultants (users); its selected companies book sessions with them through the meeting
//   scheduler: a meeting request in context 'programme_consulting' addressed to one person
//   (recipient_user_id) on behalf of the running organisation (recipient_org_id).
// - Organisation relations are declared by one side and confirmed by the other; both declared and
//   confirmed rows feed the reviewers' conflict flags (a rejected or withdrawn declaration is deleted).
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
	await sql`
		create table programme_consultants (
			call_id uuid not null references programme_calls (id) on delete cascade,
			user_id uuid not null references users (id) on delete cascade,
			added_by uuid references users (id) on delete set null,
			created_at timestamptz not null default now(),
			primary key (call_id, user_id)
		)`.execute(db);
	await sql`create index programme_consultants_user_idx on programme_consultants (user_id)`.execute(db);

	await sql`alter table meeting_requests add column recipient_user_id uuid references users (id) on delete cascade`.execute(
		db
	);
	await sql`alter table meeting_requests drop constraint meeting_requests_context_type_check`.execute(db);
	await sql`alter table meeting_requests add constraint meeting_requests_context_type_check check (context_type in ('need_response', 'ir_event', 'programme_consulting'))`.execute(
		db
	);
	// A consulting request is addressed to one consultant; other requests to an organisation.
	await sql`alter table meeting_requests add constraint meeting_requests_consultant_check check ((context_type = 'programme_consulting') = (recipient_user_id is not null))`.execute(
		db
	);
	await sql`create index meeting_requests_recipient_user_idx on meeting_requests (recipient_user_id, created_at desc) where recipient_user_id is not null`.execute(
		db
	);
	await sql`create index meeting_requests_context_idx on meeting_requests (context_type, context_id)`.execute(db);

	// Rows from before this migration were entered by the operator or the seed: they count as confirmed.
	await sql`alter table organization_relations add column id uuid not null default gen_random_uuid()`.execute(db);
	await sql`alter table organization_relations add constraint organization_relations_id_key unique (id)`.execute(db);
	await sql`alter table organization_relations add column status text not null default 'confirmed' check (status in ('declared', 'confirmed'))`.execute(
		db
	);
	await sql`alter table organization_relations alter column status set default 'declared'`.execute(db);
	await sql`alter table organization_relations add column declared_by uuid references users (id) on delete set null`.execute(
		db
	);
	await sql`alter table organization_relations add column decided_by uuid references users (id) on delete set null`.execute(
		db
	);
	await sql`alter table organization_relations add column decided_at timestamptz`.execute(db);
	await sql`alter table organization_relations add constraint organization_relations_decided_check check ((status = 'confirmed') or decided_at is null)`.execute(
		db
	);
	// A partnership goes both ways: one row per pair, whichever side declared it.
	await sql`
		delete from organization_relations r using organization_relations o
		where r.kind = 'partner_of' and o.kind = 'partner_of' and r.org_id = o.related_org_id and r.related_org_id = o.org_id and r.org_id > r.related_org_id`.execute(
		db
	);
	await sql`create unique index organization_relations_partner_pair_key on organization_relations (least(org_id, related_org_id), greatest(org_id, related_org_id)) where kind = 'partner_of'`.execute(
		db
	);
	await sql`create index organization_relations_open_idx on organization_relations (related_org_id) where status = 'declared'`.execute(
		db
	);
}

export async function down(db: Kysely<any>): Promise<void> {
	await sql`drop index if exists organization_relations_open_idx`.execute(db);
	await sql`drop index if exists organization_relations_partner_pair_key`.execute(db);
	for (const column of ['decided_at', 'decided_by', 'declared_by', 'status', 'id'])
		await sql`alter table organization_relations drop column if exists ${sql.ref(column)}`.execute(db);

	await sql`delete from meeting_requests where context_type = 'programme_consulting'`.execute(db);
	await sql`drop index if exists meeting_requests_context_idx`.execute(db);
	await sql`drop index if exists meeting_requests_recipient_user_idx`.execute(db);
	await sql`alter table meeting_requests drop constraint if exists meeting_requests_consultant_check`.execute(db);
	await sql`alter table meeting_requests drop constraint meeting_requests_context_type_check`.execute(db);
	await sql`alter table meeting_requests add constraint meeting_requests_context_type_check check (context_type in ('need_response', 'ir_event'))`.execute(
		db
	);
	await sql`alter table meeting_requests drop column if exists recipient_user_id`.execute(db);
	await db.schema.dropTable('programme_consultants').ifExists().execute();
}
