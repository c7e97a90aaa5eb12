// The demo needs: at least 20, one accepted match with a thread, one invited-only need; idempotent.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import type { DB } from '$lib/server/db';
import type { Database } from '$lib/server/db/connect';
import { seedDemo } from '$lib/server/seed';
import { canSeeNeed } from '$lib/server/needs/visibility';
import { matchCompaniesForNeed } from '$lib/server/needs/matching';
import { createTestDatabase } from './support/database';

let database: Database;
let db: Kysely<DB>;

const snapshot = () =>
	Promise.all([
		db.selectFrom('needs').select(['id', 'title_en', 'status', 'search_text', 'created_at']).orderBy('id').execute(),
		db.selectFrom('need_responses').select(['id', 'status', 'decided_at']).orderBy('id').execute(),
		db.selectFrom('need_response_messages').select(['id', 'body']).orderBy('id').execute(),
		db.selectFrom('need_reviewers').selectAll().orderBy('need_id').execute()
	]);

beforeAll(async () => {
	database = await createTestDatabase();
	db = database.db;
	await seedDemo(db);
});
afterAll(() => database.close());

const userId = async (email: string) =>
	(await db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;

describe('needs seed', () => {
	it('is idempotent and holds the demo story', async () => {
		const first = await snapshot();
		await seedDemo(db);
		expect(await snapshot()).toEqual(first);
		const [needs, responses, messages] = first;
		expect(needs.length).toBeGreaterThanOrEqual(20);
		expect(needs.filter((n) => n.status === 'matched')).toHaveLength(1);
		expect(responses.filter((r) => r.status === 'accepted')).toHaveLength(1);
		expect(messages.length).toBeGreaterThanOrEqual(3);

		const invited = await db
			.selectFrom('needs')
			.select('id')
			.where('visibility', '=', 'invited')
			.executeTakeFirstOrThrow();
		expect(await canSeeNeed(db, await userId('hyunseok.lee@lumenscan-ai.example'), invited.id)).toBe(true);
		expect(await canSeeNeed(db, await userId('startup-admin@medcluster.example'), invited.id)).toBe(false);
	});

	it('suggests Pulsewise first for the smartwatch AF screening need', async () => {
		const need = await db
			.selectFrom('needs')
			.select('id')
			.where('title_en', '=', 'Clinical validation partner for smartwatch AF screening')
			.executeTakeFirstOrThrow();
		const matches = await matchCompaniesForNeed(
			db,
			{ id: await userId('hospital@medcluster.example'), isOperator: false },
			need.id
		);
		expect(matches[0].slug).toBe('pulsewise');
	});
});
