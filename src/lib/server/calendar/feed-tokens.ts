// Queries of private calendar feed tokens: a random secret in the URL, only its SHA-256 stored.
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';
import type { Executor } from '../db';
import { hashSecret } from '../auth/token';

const TOKEN = /^mcf[a-z2-7]{32}$/;

export function newFeedSecret(): string {
	const bytes = new Uint8Array(20);
	crypto.getRandomValues(bytes);
	return `mcf${encodeBase32LowerCaseNoPadding(bytes)}`;
}

export const isFeedSecret = (token: string) => TOKEN.test(token);

/** The live token of a person (facilityId null) or of a person for one facility. */
function live(db: Executor, userId: string, facilityId: string | null) {
	const query = db.updateTable('calendar_feed_tokens').where('user_id', '=', userId).where('revoked_at', 'is', null);
	return facilityId ? query.where('facility_id', '=', facilityId) : query.where('facility_id', 'is', null);
}

export async function revokeLiveToken(
	db: Executor,
	userId: string,
	facilityId: string | null,
	now: Date
): Promise<boolean> {
	const result = await live(db, userId, facilityId).set({ revoked_at: now }).executeTakeFirst();
	return result.numUpdatedRows > 0n;
}

export function insertToken(db: Executor, userId: string, facilityId: string | null, secret: string) {
	return db
		.insertInto('calendar_feed_tokens')
		.values({ user_id: userId, facility_id: facilityId, secret_hash: hashSecret(secret) })
		.returning(['id', 'created_at'])
		.executeTakeFirstOrThrow();
}

export function listLiveTokens(db: Executor, userId: string) {
	return db
		.selectFrom('calendar_feed_tokens')
		.select(['id', 'facility_id', 'created_at', 'last_used_at'])
		.where('user_id', '=', userId)
		.where('revoked_at', 'is', null)
		.execute();
}

/** The live token behind a secret, or undefined (unknown, malformed or revoked). */
export async function findLiveToken(db: Executor, secret: string) {
	if (!isFeedSecret(secret)) return undefined;
	return db
		.selectFrom('calendar_feed_tokens')
		.select(['id', 'user_id', 'facility_id'])
		.where('secret_hash', '=', hashSecret(secret))
		.where('revoked_at', 'is', null)
		.executeTakeFirst();
}

export async function touchToken(db: Executor, id: string, now: Date): Promise<void> {
	await db.updateTable('calendar_feed_tokens').set({ last_used_at: now }).where('id', '=', id).execute();
}
