// PDF uploads (pitch decks, need and response attachments) join the directory's uploads table: the
// bytes live in PostgreSQL with their row, so an upload and the record it belongs to commit or roll
// back together, and files are served only by routes that check who asks, never from a static path.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
	await sql`
		alter table uploads
			add column filename text not null default '' check (char_length(filename) <= 200),
			add column sha256 text check (sha256 ~ '^[0-9a-f]{64}$')`.execute(db);
	await sql`alter table uploads drop constraint uploads_purpose_check`.execute(db);
	await sql`
		alter table uploads add constraint uploads_purpose_check
			check (purpose in ('logo', 'attachment', 'ir_deck', 'need_attachment', 'need_response_attachment'))`.execute(db);
	await sql`
		create table need_attachments (
			need_id uuid not null references needs (id) on delete cascade,
			upload_id uuid not null unique references uploads (id) on delete cascade,
			primary key (need_id, upload_id)
		)`.execute(db);
	await sql`
		create table need_response_attachments (
			response_id uuid not null references need_responses (id) on delete cascade,
			upload_id uuid not null unique references uploads (id) on delete cascade,
			primary key (response_id, upload_id)
		)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
	for (const table of ['need_response_attachments', 'need_attachments'])
		await db.schema.dropTable(table).ifExists().execute();
	await sql`delete from uploads where purpose not in ('logo', 'attachment')`.execute(db);
	await sql`alter table uploads drop constraint uploads_purpose_check`.execute(db);
	await sql`alter table uploads add constraint uploads_purpose_check check (purpose in ('logo', 'attachment'))`.execute(
		db
	);
	await sql`alter table uploads drop column sha256, drop column filename`.execute(db);
}
