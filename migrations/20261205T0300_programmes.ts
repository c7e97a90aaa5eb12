// Support programmes: calls with eligibility rules, a typed application form and a rubric; one
// application per company per call; reviewer conflicts, blind scores; selection with a reserve list.
// Organisation relations (investor in, partner of) feed the automatic conflict-of-interest flags.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
	await sql`
		create table organization_relations (
			org_id uuid not null references organizations (id) on delete cascade,
			related_org_id uuid not null references organizations (id) on delete cascade,
			kind text not null check (kind in ('invested_in', 'partner_of')),
			created_at timestamptz not null default now(),
			primary key (org_id, related_org_id, kind),
			check (org_id <> related_org_id)
		)`.execute(db);
	await sql`create index organization_relations_related_idx on organization_relations (related_org_id)`.execute(db);

	await sql`
		create table programme_calls (
			id uuid primary key default gen_random_uuid(),
			programme_key text not null check (programme_key ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
			org_id uuid not null references organizations (id),
			title_ko text not null check (char_length(title_ko) between 1 and 200),
			title_en text not null check (char_length(title_en) between 1 and 200),
			description_ko text not null default '' check (char_length(description_ko) <= 20000),
			description_en text not null default '' check (char_length(description_en) <= 20000),
			field_term_id uuid references taxonomy_terms (id) on delete set null,
			region text not null default '',
			budget_krw bigint not null check (budget_krw >= 0),
			places integer not null check (places between 1 and 1000),
			voucher_amount_krw bigint not null default 0 check (voucher_amount_krw >= 0),
			opens_at timestamptz not null,
			closes_at timestamptz not null,
			programme_ends_at timestamptz not null,
			eligibility jsonb not null default '{}',
			questions jsonb not null default '[]',
			rubric jsonb not null default '[]',
			created_by uuid references users (id) on delete set null,
			created_at timestamptz not null default now(),
			updated_at timestamptz not null default now(),
			check (closes_at > opens_at),
			check (programme_ends_at > closes_at)
		)`.execute(db);
	await sql`create index programme_calls_closes_idx on programme_calls (closes_at desc)`.execute(db);
	await sql`create index programme_calls_programme_idx on programme_calls (programme_key)`.execute(db);

	await sql`
		create table programme_call_reviewers (
			call_id uuid not null references programme_calls (id) on delete cascade,
			user_id uuid not null references users (id) on delete cascade,
			primary key (call_id, user_id)
		)`.execute(db);

	await sql`
		create table programme_applications (
			id uuid primary key default gen_random_uuid(),
			call_id uuid not null references programme_calls (id) on delete cascade,
			organisation_id uuid not null references organizations (id) on delete cascade,
			status text not null default 'draft' check (status in ('draft', 'submitted', 'withdrawn', 'selected', 'reserve', 'declined')),
			answers jsonb not null default '{}',
			reserve_position integer check (reserve_position > 0),
			decision_reason text check (char_length(decision_reason) <= 2000),
			created_by uuid references users (id) on delete set null,
			submitted_at timestamptz,
			decided_at timestamptz,
			created_at timestamptz not null default now(),
			updated_at timestamptz not null default now(),
			unique (call_id, organisation_id),
			check ((status = 'reserve') = (reserve_position is not null)),
			check (status = 'draft' or status = 'withdrawn' or submitted_at is not null)
		)`.execute(db);
	await sql`create unique index programme_applications_reserve_idx on programme_applications (call_id, reserve_position) where reserve_position is not null`.execute(
		db
	);
	await sql`create index programme_applications_org_idx on programme_applications (organisation_id, status)`.execute(
		db
	);

	await sql`
		create table programme_application_files (
			application_id uuid not null references programme_applications (id) on delete cascade,
			question_id text not null,
			upload_id uuid not null unique references uploads (id) on delete cascade,
			primary key (application_id, question_id)
		)`.execute(db);

	await sql`
		create table programme_conflicts (
			application_id uuid not null references programme_applications (id) on delete cascade,
			reviewer_id uuid not null references users (id) on delete cascade,
			conflicted boolean not null,
			auto_reason text check (auto_reason in ('same_organisation', 'invested_in', 'partner_of')),
			declared_at timestamptz not null default now(),
			primary key (application_id, reviewer_id),
			check (auto_reason is null or conflicted)
		)`.execute(db);

	await sql`
		create table programme_reviews (
			id uuid primary key default gen_random_uuid(),
			application_id uuid not null references programme_applications (id) on delete cascade,
			reviewer_id uuid not null references users (id) on delete cascade,
			scores jsonb not null default '{}',
			comment text not null default '' check (char_length(comment) <= 5000),
			submitted_at timestamptz,
			created_at timestamptz not null default now(),
			updated_at timestamptz not null default now(),
			unique (application_id, reviewer_id)
		)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
	for (const table of [
		'programme_reviews',
		'programme_conflicts',
		'programme_application_files',
		'programme_applications',
		'programme_call_reviewers',
		'programme_calls',
		'organization_relations'
	]) {
		await db.schema.dropTable(table).ifExists().execute();
	}
}
