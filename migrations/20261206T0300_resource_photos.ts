// Photos of testbed resources (issue 18): re-encoded WebP bytes with a thumbnail, bilingual alt text
// required, an order per resource. The order is unique but checked at commit, so a reorder can swap
// two positions inside one transaction.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
	await sql`
		create table resource_photos (
			id uuid primary key default gen_random_uuid(),
			resource_id uuid not null references resources (id) on delete cascade,
			position integer not null check (position >= 0),
			alt_ko text not null check (length(btrim(alt_ko)) between 1 and 300),
			alt_en text not null check (length(btrim(alt_en)) between 1 and 300),
			content_type text not null check (content_type = 'image/webp'),
			bytes bytea not null,
			thumb_bytes bytea not null,
			width integer not null check (width > 0),
			height integer not null check (height > 0),
			created_by uuid references users (id) on delete set null,
			created_at timestamptz not null default now(),
			constraint resource_photos_position_key unique (resource_id, position) deferrable initially deferred
		)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
	await sql`drop table if exists resource_photos`.execute(db);
}
