// Contact messages become an inbox for the organisation's admins: read and archived marks.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
	await sql`alter table contact_messages add column read_at timestamptz, add column archived_at timestamptz`.execute(
		db
	);
}

export async function down(db: Kysely<any>): Promise<void> {
	await sql`alter table contact_messages drop column if exists read_at, drop column if exists archived_at`.execute(db);
}
