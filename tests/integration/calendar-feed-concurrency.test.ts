// Parallel regenerations of one calendar feed take turns: exactly one live token remains, it is the
// one the last turn issued, and none of them fails (no unique violation reaches the caller).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import type { DB } from '$lib/server/db';
import type { Database } from '$lib/server/db/connect';
import { issueFeedToken, personalFeed, revokeFeedToken } from '$lib/server/calendar/feeds';
import { FeedTokenConflictError, isUniqueViolation } from '$lib/server/calendar/errors';
import { createTestDatabase } from './support/database';
import { createUser } from '../factories';

let database: Database;
let db: Kysely<DB>;

beforeAll(async () => {
	database = await createTestDatabase();
	db = database.db;
});
afterAll(() => database.close());

const context = { ip: null, origin: 'http://portal.test' };
const liveTokens = (userId: string) =>
	db
		.selectFrom('calendar_feed_tokens')
		.select('id')
		.where('user_id', '=', userId)
		.where('revoked_at', 'is', null)
		.execute();

describe('calendar feed regeneration under concurrency', () => {
	it('ends twenty parallel regenerations with exactly one live token and no failure', async () => {
		const user = await createUser(db);
		const actor = { id: user.id, isOperator: false };
		await issueFeedToken(db, actor, null, context);
		const results = await Promise.allSettled(
			Array.from({ length: 20 }, () => issueFeedToken(db, actor, null, context))
		);
		expect(
			results.filter((r) => r.status === 'rejected').map((r) => String((r as PromiseRejectedResult).reason))
		).toEqual([]);
		expect(await liveTokens(user.id)).toHaveLength(1);
		// Exactly one of the twenty secrets still opens the feed.
		const secrets = results.map((r) => (r as PromiseFulfilledResult<string>).value);
		const working = (await Promise.all(secrets.map((secret) => personalFeed(db, secret, context.origin)))).filter(
			(feed) => feed !== null
		);
		expect(working).toHaveLength(1);
		// Every issue is audited, each replacing the one before.
		const audits = await db
			.selectFrom('audit_log')
			.select('data')
			.where('actor_id', '=', user.id)
			.where('action', '=', 'calendar_feed.issued')
			.execute();
		expect(audits).toHaveLength(21);
	});

	it('lets parallel revokes and regenerations finish without a failure, leaving at most one live token', async () => {
		const user = await createUser(db);
		const actor = { id: user.id, isOperator: false };
		const results = await Promise.allSettled(
			Array.from({ length: 20 }, (_, i) =>
				i % 3 === 0 ? revokeFeedToken(db, actor, null, context) : issueFeedToken(db, actor, null, context)
			)
		);
		expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
		expect((await liveTokens(user.id)).length).toBeLessThanOrEqual(1);
	});

	it('recognises a unique violation from either driver, and the conflict is a 409', () => {
		expect(isUniqueViolation({ code: '23505' })).toBe(true);
		expect(isUniqueViolation(new Error('other'))).toBe(false);
		expect(new FeedTokenConflictError().status).toBe(409);
	});
});
