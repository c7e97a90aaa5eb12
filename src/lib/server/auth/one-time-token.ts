// Single-use links (e-mail verification, password reset): hashed, expiring, consumed exactly once.
import type { Executor } from '../db';
import type { OneTimeTokenPurpose } from '../db/types';
import { TokenExpiredError, TokenInvalidError } from './errors';
import { issueToken, parseToken, secretMatches } from './token';

export async function createOneTimeToken(
	db: Executor,
	userId: string,
	purpose: OneTimeTokenPurpose,
	lifetimeMs: number,
	now = new Date()
): Promise<string> {
	// A new link replaces the older unused ones.
	await db
		.updateTable('one_time_tokens')
		.set({ used_at: now })
		.where('user_id', '=', userId)
		.where('purpose', '=', purpose)
		.where('used_at', 'is', null)
		.execute();
	const { id, token, secretHash } = issueToken();
	await db
		.insertInto('one_time_tokens')
		.values({ id, secret_hash: secretHash, user_id: userId, purpose, expires_at: new Date(now.getTime() + lifetimeMs) })
		.execute();
	return token;
}

/** Marks the token used and returns its user; the row lock makes a second use fail. */
export async function consumeOneTimeToken(
	db: Executor,
	token: string,
	purpose: OneTimeTokenPurpose,
	now = new Date()
): Promise<string> {
	const parsed = parseToken(token);
	if (!parsed) throw new TokenInvalidError();
	const row = await db
		.selectFrom('one_time_tokens')
		.selectAll()
		.where('id', '=', parsed.id)
		.where('purpose', '=', purpose)
		.forUpdate()
		.executeTakeFirst();
	if (!row || row.used_at || !secretMatches(parsed.secret, row.secret_hash)) throw new TokenInvalidError();
	if (row.expires_at.getTime() <= now.getTime()) throw new TokenExpiredError();
	await db.updateTable('one_time_tokens').set({ used_at: now }).where('id', '=', row.id).execute();
	return row.user_id;
}
