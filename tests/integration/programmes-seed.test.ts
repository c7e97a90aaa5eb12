// The demo programme calls: Jump-Up open now, the smart-factory call closed and in review with a
// demo reviewer, a past call with selected companies on their profiles; a second run changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, type Kysely } from 'kysely';
import type { DB } from '$lib/server/db';
import type { Database } from '$lib/server/db/connect';
import { seedDemo } from '$lib/server/seed';
import { listForDeclaration } from '$lib/server/programmes/conflicts';
import { listSelectionsOf } from '$lib/server/programmes/repository';
import { getProgrammeReport } from '$lib/server/vouchers/programme-report';
import { createTestDatabase } from './support/database';

let database: Database;
let db: Kysely<DB>;

const snapshot = () =>
	Promise.all([
		db.selectFrom('programme_calls').select(['id', 'title_en', 'opens_at', 'closes_at']).orderBy('id').execute(),
		db.selectFrom('programme_applications').select(['id', 'status', 'decided_at']).orderBy('id').execute(),
		db.selectFrom('programme_reviews').select(['id', 'scores']).orderBy('id').execute(),
		db.selectFrom('programme_consultants').select(['call_id', 'user_id']).orderBy('user_id').execute(),
		db
			.selectFrom('meeting_requests')
			.select(['id', 'status'])
			.where('context_type', '=', 'programme_consulting')
			.execute(),
		db.selectFrom('organization_relations').select(['id', 'status']).orderBy('id').execute()
	]);

beforeAll(async () => {
	database = await createTestDatabase();
	db = database.db;
	await seedDemo(db);
});
afterAll(() => database.close());

describe('programmes seed', () => {
	it('is idempotent and holds the three demo calls', async () => {
		const first = await snapshot();
		await seedDemo(db);
		expect(await snapshot()).toEqual(first);

		const calls = await db
			.selectFrom('programme_calls')
			.select(['id', 'programme_key', 'budget_krw', 'places'])
			.select(sql<string>`case when now() < closes_at then 'open' else 'closed' end`.as('state'))
			.execute();
		const byKey = (key: string) => calls.find((c) => c.programme_key === key)!;
		expect(byKey('g-valley-jump-up')).toMatchObject({ state: 'open', budget_krw: 90_000_000, places: 20 });
		expect(byKey('medical-smart-factory').state).toBe('closed');
		expect(byKey('wonju-commercialisation').state).toBe('closed');

		const reviewer = await db
			.selectFrom('users')
			.select('id')
			.where('email', '=', 'reviewer@medcluster.example')
			.executeTakeFirstOrThrow();
		const review = await listForDeclaration(
			db,
			{ id: reviewer.id, isOperator: false },
			byKey('medical-smart-factory').id
		);
		expect(review.rows.length).toBeGreaterThanOrEqual(4);
		expect(review.rows.filter((r) => r.automatic === 'partner_of')).toHaveLength(1);

		const pulsewise = await db
			.selectFrom('organizations')
			.select('id')
			.where('slug', '=', 'pulsewise')
			.executeTakeFirstOrThrow();
		expect((await listSelectionsOf(db, pulsewise.id)).map((s) => s.id)).toEqual([byKey('wonju-commercialisation').id]);

		// The past call's consultants and Pulsewise's accepted 90-minute session; Hanbit's declaration awaits Pulsewise.
		expect(
			await db
				.selectFrom('programme_consultants')
				.select('user_id')
				.where('call_id', '=', byKey('wonju-commercialisation').id)
				.execute()
		).toHaveLength(2);
		const operator = { id: reviewer.id, isOperator: true };
		expect(await getProgrammeReport(db, operator, byKey('wonju-commercialisation').id)).toMatchObject({
			consulting_sessions: 1,
			consulting_hours: 1.5
		});
		const relations = await db
			.selectFrom('organization_relations')
			.select('status')
			.where('related_org_id', '=', pulsewise.id)
			.execute();
		expect(relations).toEqual([{ status: 'declared' }]);
	});
});
