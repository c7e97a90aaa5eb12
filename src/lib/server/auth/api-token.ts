// Personal API tokens for `Authorization: Bearer`: shown once, stored hashed, revocable.
import type { Executor } from '../db';
import { issueToken, parseToken, secretMatches } from './token';
import { assertOrgSecondFactorRule } from './second-factors';

export async function createApiToken(db: Executor, userId: string, name: string) {
	const { id, token, secretHash } = issueToken('mct_');
	await db.insertInto('api_tokens').values({ id, secret_hash: secretHash, user_id: userId, name }).execute();
	return { id, token };
}

/**
 * A token made from Settings → API tokens. Refused (OrgSecondFactorRequiredError) while an organisation
 * of the user requires two-step verification and the account has no second factor: such a token would
 * be refused on every request anyway (auth-handle.ts), so none is made.
 */
export async function issueApiToken(db: Executor, userId: string, name: string) {
	await assertOrgSecondFactorRule(db, userId);
	return createApiToken(db, userId, name);
}

export function listApiTokens(db: Executor, userId: string) {
	return db
		.selectFrom('api_tokens')
		.select(['id', 'name', 'created_at', 'last_used_at'])
		.where('user_id', '=', userId)
		.where('revoked_at', 'is', null)
		.orderBy('created_at', 'desc')
		.execute();
}

/** Revokes one of the user's own tokens; returns false when no such token is theirs. */
export async function revokeApiToken(db: Executor, userId: string, tokenId: string): Promise<boolean> {
	const result = await db
		.updateTable('api_tokens')
		.set({ revoked_at: new Date() })
		.where('id', '=', tokenId)
		.where('user_id', '=', userId)
		.where('revoked_at', 'is', null)
		.executeTakeFirst();
	return result.numUpdatedRows > 0n;
}

/** Revokes every live token of the user (account recovery); returns how many there were. */
export async function revokeAllApiTokens(db: Executor, userId: string): Promise<number> {
	const result = await db
		.updateTable('api_tokens')
		.set({ revoked_at: new Date() })
		.where('user_id', '=', userId)
		.where('revoked_at', 'is', null)
		.executeTakeFirst();
	return Number(result.numUpdatedRows);
}

/** The user id behind a bearer token, or null. */
export async function validateApiToken(db: Executor, token: string): Promise<string | null> {
	const parsed = parseToken(token);
	if (!parsed || !parsed.id.startsWith('mct_')) return null;
	const row = await db
		.selectFrom('api_tokens')
		.select(['id', 'user_id', 'secret_hash', 'revoked_at'])
		.where('id', '=', parsed.id)
		.executeTakeFirst();
	if (!row || row.revoked_at || !secretMatches(parsed.secret, row.secret_hash)) return null;
	await db.updateTable('api_tokens').set({ last_used_at: new Date() }).where('id', '=', row.id).execute();
	return row.user_id;
}
