// The demo seed gives every demo investor a thesis and one upcoming matchmaking day with a mutual pick,
// and Pulsewise (the demo startup) sees ranked investors; a second run changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import type { DB } from '$lib/server/db';
import type { Database } from '$lib/server/db/connect';
import { seedDemo } from '$lib/server/seed';
import { suggestInvestorsForStartup } from '$lib/server/matchmaking/suggestions';
import { mutualPairs } from '$lib/server/matchmaking/day-repository';
import { createTestDatabase } from './support/database';

let database: Database;
let db: Kysely<DB>;

beforeAll(async () => {
	database = await createTestDatabase();
	db = database.db;
	await seedDemo(db);
}, 120_000);
afterAll(() => database.close());

const count = async (table: 'investor_theses' | 'matchmaking_picks' | 'matchmaking_days') =>
	Number((await db.selectFrom(table).select(db.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

describe('matchmaking seed', () => {
	it('gives investors theses, an upcoming day with a mutual pick, and Pulsewise suggestions', async () => {
		expect(await count('investor_theses')).toBe(6);
		const day = await db.selectFrom('matchmaking_days').selectAll().executeTakeFirstOrThrow();
		expect(day.starts_at.getTime()).toBeGreaterThan(Date.now());
		expect(await mutualPairs(db, day.id)).toHaveLength(1);
		const pulsewise = await db
			.selectFrom('organizations')
			.select('id')
			.where('slug', '=', 'pulsewise')
			.executeTakeFirstOrThrow();
		const suggestions = await suggestInvestorsForStartup(db, pulsewise.id);
		expect(suggestions.length).toBeGreaterThan(0);
	});

	it('is idempotent', async () => {
		const before = [await count('investor_theses'), await count('matchmaking_days'), await count('matchmaking_picks')];
		await seedDemo(db);
		expect([await count('investor_theses'), await count('matchmaking_days'), await count('matchmaking_picks')]).toEqual(
			before
		);
	}, 120_000);
});
