// Regions come from a fixed bilingual list (src/lib/regions.ts; issue 21): the free-text values that
// name a listed region in another spelling or language are rewritten to the list's key. A value that
// names nothing on the list is left as typed (pages show it as it is; the edit form asks for a choice).
// The pairs are written out here, not imported, so this migration never changes with the app.
import { sql, type Kysely } from 'kysely';

const RENAMES: [string, string][] = [
	['osong', 'Chungbuk (Osong)'],
	['오송', 'Chungbuk (Osong)'],
	['wonju', 'Gangwon (Wonju)'],
	['원주', 'Gangwon (Wonju)'],
	['강원 원주', 'Gangwon (Wonju)'],
	['pangyo', 'Gyeonggi (Pangyo)'],
	['판교', 'Gyeonggi (Pangyo)'],
	['guro', 'Seoul (Guro G-Valley)'],
	['구로', 'Seoul (Guro G-Valley)'],
	['gangnam', 'Seoul (Gangnam)'],
	['강남', 'Seoul (Gangnam)'],
	['서울', 'Seoul'],
	['대구', 'Daegu'],
	['부산', 'Busan'],
	['대전', 'Daejeon'],
	['세종', 'Sejong'],
	['cheongju', 'Chungbuk (Cheongju)'],
	['청주', 'Chungbuk (Cheongju)']
];

export async function up(db: Kysely<any>): Promise<void> {
	for (const [from, to] of RENAMES) {
		await sql`update organizations set region = ${to} where lower(trim(region)) = ${from}`.execute(db);
	}
}

export async function down(db: Kysely<any>): Promise<void> {
	// The old spellings are not kept; only the one the seed used comes back.
	await sql`update organizations set region = 'Osong' where region = 'Chungbuk (Osong)'`.execute(db);
}
