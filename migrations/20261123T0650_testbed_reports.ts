// Monthly testbed reports read every booking of a resource in a period, whatever its status; the
// exclusion constraint's index covers only pending/confirmed ones.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
	await sql`create index bookings_resource_start_idx on bookings (resource_id, lower(during))`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
	await sql`drop index if exists bookings_resource_start_idx`.execute(db);
}
