// Directory: richer organisation profiles, taxonomy tags, products with regulatory facts, logos,
// listed people, contact messages, and the search documents (words, Korean bigrams, trigrams).
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
	await sql`
		create table uploads (
			id uuid primary key default gen_random_uuid(),
			org_id uuid references organizations (id) on delete cascade,
			purpose text not null check (purpose in ('logo', 'attachment')),
			content_type text not null check (content_type in ('image/webp', 'image/png', 'image/jpeg', 'application/pdf')),
			size_bytes integer not null check (size_bytes > 0 and size_bytes <= 20971520),
			bytes bytea not null,
			created_by uuid references users (id) on delete set null,
			created_at timestamptz not null default now()
		)`.execute(db);

	await sql`
		alter table organizations
			add column address_ko text not null default '',
			add column address_en text not null default '',
			add column employee_range text check (employee_range in ('1-10', '11-50', '51-200', '201-1000', '1000+')),
			add column certifications text[] not null default '{}',
			add column looking_for_partners boolean not null default false,
			add column raising_investment boolean not null default false,
			add column logo_upload_id uuid references uploads (id) on delete set null,
			add column search_words tsvector not null default ''::tsvector,
			add column search_bigrams tsvector not null default ''::tsvector,
			add column search_text text not null default ''`.execute(db);
	await sql`create index organizations_search_words_idx on organizations using gin (search_words)`.execute(db);
	await sql`create index organizations_search_bigrams_idx on organizations using gin (search_bigrams)`.execute(db);
	await sql`create index organizations_search_trgm_idx on organizations using gin (search_text gin_trgm_ops)`.execute(
		db
	);
	await sql`create index organizations_verified_created_idx on organizations (created_at desc) where status = 'verified'`.execute(
		db
	);
	await sql`create index organizations_region_idx on organizations (region) where status = 'verified'`.execute(db);

	await sql`
		create table taxonomy_terms (
			id uuid primary key default gen_random_uuid(),
			vocabulary text not null check (vocabulary in ('field', 'capability', 'department')),
			slug text not null check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
			name_ko text not null,
			name_en text not null,
			sort_order integer not null default 0,
			created_at timestamptz not null default now(),
			unique (vocabulary, slug)
		)`.execute(db);

	await sql`
		create table organization_terms (
			org_id uuid not null references organizations (id) on delete cascade,
			term_id uuid not null references taxonomy_terms (id) on delete cascade,
			primary key (org_id, term_id)
		)`.execute(db);
	await sql`create index organization_terms_term_idx on organization_terms (term_id, org_id)`.execute(db);

	await sql`
		create table products (
			id uuid primary key default gen_random_uuid(),
			org_id uuid not null references organizations (id) on delete cascade,
			name_ko text not null,
			name_en text not null,
			summary_ko text not null default '',
			summary_en text not null default '',
			mfds_class smallint check (mfds_class between 1 and 4),
			mfds_status text not null default 'none' check (mfds_status in ('none', 'in_review', 'approved')),
			mfds_approval_no text,
			fda_pathway text not null default 'none' check (fda_pathway in ('none', '510k', 'de_novo', 'pma')),
			fda_status text not null default 'none' check (fda_status in ('none', 'in_review', 'cleared')),
			ce_class text not null default 'none' check (ce_class in ('none', 'I', 'IIa', 'IIb', 'III')),
			clinical_stage text not null default 'none' check (clinical_stage in ('none', 'pilot', 'pivotal', 'completed', 'post_market')),
			sort_order integer not null default 0,
			created_at timestamptz not null default now(),
			updated_at timestamptz not null default now(),
			check (mfds_status <> 'approved' or (mfds_approval_no is not null and mfds_class is not null))
		)`.execute(db);
	await sql`create index products_org_idx on products (org_id, sort_order)`.execute(db);
	await sql`create index products_stage_idx on products (mfds_status, org_id)`.execute(db);

	await sql`
		alter table users
			add column title text not null default '',
			add column expertise text not null default '',
			add column directory_listed boolean not null default false`.execute(db);

	await sql`
		create table contact_messages (
			id uuid primary key default gen_random_uuid(),
			org_id uuid not null references organizations (id) on delete cascade,
			sender_id uuid references users (id) on delete set null,
			subject text not null,
			body text not null,
			created_at timestamptz not null default now()
		)`.execute(db);
	await sql`create index contact_messages_org_idx on contact_messages (org_id, created_at desc)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('contact_messages').ifExists().execute();
	await sql`alter table users drop column if exists title, drop column if exists expertise, drop column if exists directory_listed`.execute(
		db
	);
	await db.schema.dropTable('products').ifExists().execute();
	await db.schema.dropTable('organization_terms').ifExists().execute();
	await db.schema.dropTable('taxonomy_terms').ifExists().execute();
	await sql`
		alter table organizations
			drop column if exists address_ko, drop column if exists address_en, drop column if exists employee_range,
			drop column if exists certifications, drop column if exists looking_for_partners,
			drop column if exists raising_investment, drop column if exists logo_upload_id,
			drop column if exists search_words, drop column if exists search_bigrams, drop column if exists search_text`.execute(
		db
	);
	await db.schema.dropTable('uploads').ifExists().execute();
}
