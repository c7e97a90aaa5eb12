// Clinical collaboration needs: hospitals post needs, companies respond, both sides talk in a thread
// per response. Visibility is enforced by one SQL predicate in src/lib/server/needs/visibility.ts.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
	await sql`
		create table needs (
			id uuid primary key default gen_random_uuid(),
			hospital_org_id uuid not null references organizations (id) on delete cascade,
			author_id uuid references users (id) on delete set null,
			locale text not null default 'ko' check (locale in ('ko', 'en')),
			title_ko text not null default '',
			title_en text not null default '',
			description_ko text not null default '',
			description_en text not null default '',
			department_term_id uuid references taxonomy_terms (id) on delete set null,
			type text not null check (type in ('clinical_validation', 'joint_research', 'pilot_procurement', 'data_collaboration', 'advisory')),
			required_stage text not null default 'none'
				check (required_stage in ('none', 'clinical_trial', 'mfds_in_review', 'mfds_approved', 'fda_cleared', 'ce_marked')),
			evidence_note text not null default '',
			support_budget boolean not null default false,
			support_patients boolean not null default false,
			support_data boolean not null default false,
			support_space boolean not null default false,
			support_note text not null default '',
			deadline date,
			visibility text not null default 'all_members' check (visibility in ('all_members', 'companies_only', 'invited')),
			status text not null default 'open' check (status in ('open', 'matched', 'closed')),
			matched_response_id uuid,
			search_words tsvector not null default ''::tsvector,
			search_bigrams tsvector not null default ''::tsvector,
			search_text text not null default '',
			created_at timestamptz not null default now(),
			updated_at timestamptz not null default now(),
			check (title_ko <> '' or title_en <> '')
		)`.execute(db);
	await sql`create index needs_hospital_idx on needs (hospital_org_id, created_at desc)`.execute(db);
	await sql`create index needs_open_idx on needs (status, deadline)`.execute(db);
	await sql`create index needs_search_words_idx on needs using gin (search_words)`.execute(db);
	await sql`create index needs_search_bigrams_idx on needs using gin (search_bigrams)`.execute(db);
	await sql`create index needs_search_trgm_idx on needs using gin (search_text gin_trgm_ops)`.execute(db);

	// Field and capability tags of a need (its department is a column), for matching.
	await sql`
		create table need_terms (
			need_id uuid not null references needs (id) on delete cascade,
			term_id uuid not null references taxonomy_terms (id) on delete cascade,
			primary key (need_id, term_id)
		)`.execute(db);
	await sql`
		create table need_invitations (
			need_id uuid not null references needs (id) on delete cascade,
			org_id uuid not null references organizations (id) on delete cascade,
			created_at timestamptz not null default now(),
			primary key (need_id, org_id)
		)`.execute(db);
	await sql`create index need_invitations_org_idx on need_invitations (org_id, need_id)`.execute(db);
	await sql`
		create table need_reviewers (
			need_id uuid not null references needs (id) on delete cascade,
			user_id uuid not null references users (id) on delete cascade,
			assigned_by uuid references users (id) on delete set null,
			created_at timestamptz not null default now(),
			primary key (need_id, user_id)
		)`.execute(db);
	await sql`
		create table saved_needs (
			user_id uuid not null references users (id) on delete cascade,
			need_id uuid not null references needs (id) on delete cascade,
			created_at timestamptz not null default now(),
			primary key (user_id, need_id)
		)`.execute(db);

	await sql`
		create table need_responses (
			id uuid primary key default gen_random_uuid(),
			need_id uuid not null references needs (id) on delete cascade,
			org_id uuid not null references organizations (id) on delete cascade,
			author_id uuid references users (id) on delete set null,
			message text not null check (length(message) between 1 and 10000),
			product_ids uuid[] not null default '{}',
			status text not null default 'submitted' check (status in ('submitted', 'shortlisted', 'accepted', 'declined')),
			decision_reason text,
			decided_by uuid references users (id) on delete set null,
			decided_at timestamptz,
			created_at timestamptz not null default now(),
			updated_at timestamptz not null default now(),
			unique (need_id, org_id),
			check (status <> 'declined' or decision_reason is not null)
		)`.execute(db);
	await sql`create index need_responses_org_idx on need_responses (org_id, created_at desc)`.execute(db);
	await sql`alter table needs add constraint needs_matched_response_fk foreign key (matched_response_id) references need_responses (id) on delete set null`.execute(
		db
	);

	// Reviewer notes: the hospital side only; never selected for a company.
	await sql`
		create table need_response_notes (
			id uuid primary key default gen_random_uuid(),
			response_id uuid not null references need_responses (id) on delete cascade,
			author_id uuid references users (id) on delete set null,
			body text not null check (length(body) between 1 and 5000),
			created_at timestamptz not null default now()
		)`.execute(db);
	await sql`create index need_response_notes_response_idx on need_response_notes (response_id, created_at)`.execute(db);
	await sql`
		create table need_response_messages (
			id uuid primary key default gen_random_uuid(),
			response_id uuid not null references need_responses (id) on delete cascade,
			author_id uuid references users (id) on delete set null,
			body text not null check (length(body) between 1 and 5000),
			created_at timestamptz not null default now()
		)`.execute(db);
	await sql`create index need_response_messages_response_idx on need_response_messages (response_id, created_at)`.execute(
		db
	);
	await sql`
		create table need_response_reads (
			response_id uuid not null references need_responses (id) on delete cascade,
			user_id uuid not null references users (id) on delete cascade,
			last_read_at timestamptz not null,
			primary key (response_id, user_id)
		)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
	for (const table of ['need_response_reads', 'need_response_messages', 'need_response_notes'])
		await db.schema.dropTable(table).ifExists().execute();
	await sql`alter table if exists needs drop constraint if exists needs_matched_response_fk`.execute(db);
	for (const table of ['need_responses', 'saved_needs', 'need_reviewers', 'need_invitations', 'need_terms', 'needs'])
		await db.schema.dropTable(table).ifExists().execute();
}
