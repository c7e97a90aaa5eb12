// Seeded certificate serials come from the same random generator as issued ones (issue #23 item 10):
// a demo serial must not let anyone guess the serials of other people's certificates.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import type { DB } from '$lib/server/db';
import type { Database } from '$lib/server/db/connect';
import { seedDemo } from '$lib/server/seed';
import { createTestDatabase } from './support/database';

let database: Database;
let db: Kysely<DB>;

beforeAll(async () => {
	database = await createTestDatabase();
	db = database.db;
	await seedDemo(db);
});
afterAll(() => database.close());

describe('seeded certificate serials', () => {
	it('have the issued format, with eight random characters that are not a counter', async () => {
		const serials = (await db.selectFrom('certificates').select('serial').execute()).map((row) => row.serial);
		expect(serials.length).toBeGreaterThan(10);
		for (const serial of serials) expect(serial).toMatch(/^MC-\d{4}-[A-HJ-NP-Z2-9]{8}$/);
		const tails = serials.map((serial) => serial.slice(-8));
		expect(new Set(tails).size).toBe(tails.length);
		// A counter shares its leading characters: random tails almost never share even the first three.
		const prefixes = new Set(tails.map((tail) => tail.slice(0, 3)));
		expect(prefixes.size).toBeGreaterThan(tails.length * 0.9);
	});
});
