import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import { clearRateLimit, consumeRateLimit } from '$lib/server/auth/rate-limit';
import type { Database } from '$lib/server/db/connect';
import type { DB } from '$lib/server/db';
import { RateLimitedError } from '$lib/server/errors';
import { createTestDatabase } from './support/database';
import { uniqueSuffix } from '../factories';

let database: Database;
let db: Kysely<DB>;

beforeAll(async () => {
	database = await createTestDatabase();
	db = database.db;
});
afterAll(() => database.close());

const rule = { limit: 3, windowSeconds: 60 };

async function rejection(promise: Promise<unknown>): Promise<unknown> {
	try {
		await promise;
	} catch (error) {
		return error;
	}
	throw new Error('expected a RateLimitedError');
}

describe('consumeRateLimit', () => {
	it('allows `limit` hits, then throws RateLimitedError with the seconds left', async () => {
		const key = `test:${uniqueSuffix()}`;
		const start = new Date();
		for (let i = 0; i < rule.limit; i++) {
			await consumeRateLimit(db, key, rule, new Date(start.getTime() + i * 1000));
		}
		const tenSecondsIn = new Date(start.getTime() + 10_000);
		const error = await rejection(consumeRateLimit(db, key, rule, tenSecondsIn));
		expect(error).toBeInstanceOf(RateLimitedError);
		const { retryAfterSeconds, status, code } = error as RateLimitedError;
		expect(status).toBe(429);
		expect(code).toBe('rate_limited');
		expect(retryAfterSeconds).toBeGreaterThan(0);
		// The window opened at `start`: 50 of its 60 seconds are left.
		expect(retryAfterSeconds).toBe(50);
		// Further hits keep failing inside the window.
		await expect(consumeRateLimit(db, key, rule, new Date(start.getTime() + 59_000))).rejects.toBeInstanceOf(
			RateLimitedError
		);
	});

	it('starts a new window once the old one has passed', async () => {
		const key = `test:${uniqueSuffix()}`;
		const start = new Date();
		for (let i = 0; i < rule.limit; i++) await consumeRateLimit(db, key, rule, start);
		await expect(consumeRateLimit(db, key, rule, start)).rejects.toBeInstanceOf(RateLimitedError);

		const nextWindow = new Date(start.getTime() + rule.windowSeconds * 1000);
		for (let i = 0; i < rule.limit; i++) await consumeRateLimit(db, key, rule, nextWindow);
		await expect(consumeRateLimit(db, key, rule, nextWindow)).rejects.toBeInstanceOf(RateLimitedError);
		const row = await db.selectFrom('rate_limits').selectAll().where('key', '=', key).executeTakeFirstOrThrow();
		expect(row.window_start.getTime()).toBe(nextWindow.getTime());
	});

	it('counts keys separately, and clearRateLimit resets one key', async () => {
		const a = `test:${uniqueSuffix()}`;
		const b = `test:${uniqueSuffix()}`;
		for (let i = 0; i < rule.limit; i++) await consumeRateLimit(db, a, rule);
		await expect(consumeRateLimit(db, a, rule)).rejects.toBeInstanceOf(RateLimitedError);
		await consumeRateLimit(db, b, rule);

		await clearRateLimit(db, a);
		await consumeRateLimit(db, a, rule);
		const row = await db.selectFrom('rate_limits').select('hits').where('key', '=', a).executeTakeFirstOrThrow();
		expect(row.hits).toBe(1);
	});

	it('lets exactly `limit` of 20 parallel hits through', async () => {
		const key = `test:${uniqueSuffix()}`;
		const parallelRule = { limit: 5, windowSeconds: 60 };
		const results = await Promise.allSettled(Array.from({ length: 20 }, () => consumeRateLimit(db, key, parallelRule)));
		const passed = results.filter((r) => r.status === 'fulfilled');
		const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
		expect(passed).toHaveLength(5);
		expect(refused).toHaveLength(15);
		for (const r of refused) expect(r.reason).toBeInstanceOf(RateLimitedError);
		const row = await db.selectFrom('rate_limits').select('hits').where('key', '=', key).executeTakeFirstOrThrow();
		expect(row.hits).toBe(20);
	});
});
