// The demo testing-service requests: seeded once (a second run adds nothing), one quoted, one delivered
// whose report downloads for the startup's admin and is counted in last month's or this month's statement.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import type { DB } from '$lib/server/db';
import { createTestDatabase, type TestDatabase } from './support/database';
import { seedDemo } from '$lib/server/seed';
import { reportDownload } from '$lib/server/testservices/progress';

let database: TestDatabase;
let db: Kysely<DB>;
beforeAll(async () => {
	database = await createTestDatabase();
	db = database.db;
});
afterAll(() => database?.close());

describe('testing-service demo data', () => {
	it('seeds a quoted and a delivered request once, with a downloadable report', async () => {
		await seedDemo(db);
		await seedDemo(db);
		const rows = await db.selectFrom('test_requests').select(['id', 'status']).orderBy('status').execute();
		expect(rows.map((r) => r.status)).toEqual(['delivered', 'quoted']);
		const admin = await db
			.selectFrom('users')
			.select('id')
			.where('email', '=', 'startup-admin@medcluster.example')
			.executeTakeFirstOrThrow();
		const response = await reportDownload(db, { id: admin.id, isOperator: false }, rows[0].id);
		expect(new TextDecoder().decode((await response.arrayBuffer()).slice(0, 5))).toBe('%PDF-');
	});
});
