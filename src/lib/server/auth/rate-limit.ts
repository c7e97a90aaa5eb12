// Fixed-window counters in PostgreSQL, so limits hold across processes and restarts.
import { sql } from 'kysely';
import type { Executor } from '../db';
import { RateLimitedError } from '../errors';

export type RateLimitRule = { limit: number; windowSeconds: number };

export const SIGN_IN_PER_IP: RateLimitRule = { limit: 20, windowSeconds: 15 * 60 };
export const SIGN_IN_PER_ACCOUNT: RateLimitRule = { limit: 5, windowSeconds: 15 * 60 };
export const RESET_PER_IP: RateLimitRule = { limit: 10, windowSeconds: 60 * 60 };
export const RESET_PER_ACCOUNT: RateLimitRule = { limit: 3, windowSeconds: 60 * 60 };
export const SIGN_UP_PER_IP: RateLimitRule = { limit: 10, windowSeconds: 60 * 60 };
// The current-password check on a password change: a stolen session must not become a password oracle.
export const PASSWORD_CHECK_PER_ACCOUNT: RateLimitRule = { limit: 5, windowSeconds: 15 * 60 };
// Six-digit codes are guessable: few tries per account, shared by TOTP and recovery codes.
export const TWO_FACTOR_PER_ACCOUNT: RateLimitRule = { limit: 5, windowSeconds: 15 * 60 };
export const PASSKEY_SIGN_IN_PER_IP: RateLimitRule = { limit: 30, windowSeconds: 15 * 60 };

/** Counts one hit against `key`; throws RateLimitedError (with seconds to wait) past the limit. */
export async function consumeRateLimit(
	db: Executor,
	key: string,
	rule: RateLimitRule,
	now = new Date()
): Promise<void> {
	const windowStart = new Date(now.getTime() - rule.windowSeconds * 1000);
	const row = await db
		.insertInto('rate_limits')
		.values({ key, window_start: now, hits: 1 })
		.onConflict((oc) =>
			oc.column('key').doUpdateSet({
				hits: sql`case when rate_limits.window_start <= ${windowStart} then 1 else rate_limits.hits + 1 end`,
				window_start: sql`case when rate_limits.window_start <= ${windowStart} then ${now} else rate_limits.window_start end`
			})
		)
		.returning(['hits', 'window_start'])
		.executeTakeFirstOrThrow();
	if (row.hits > rule.limit) {
		const resetAt = row.window_start.getTime() + rule.windowSeconds * 1000;
		throw new RateLimitedError(Math.max(1, Math.ceil((resetAt - now.getTime()) / 1000)));
	}
}

/** Gives one hit back, e.g. for a sign-in that succeeded: only failures should use up the allowance. */
export async function refundRateLimit(db: Executor, key: string): Promise<void> {
	await db
		.updateTable('rate_limits')
		.set({ hits: sql`greatest(hits - 1, 0)` })
		.where('key', '=', key)
		.execute();
}

export async function clearRateLimit(db: Executor, key: string): Promise<void> {
	await db.deleteFrom('rate_limits').where('key', '=', key).execute();
}
