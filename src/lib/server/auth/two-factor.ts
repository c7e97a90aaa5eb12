// TOTP rules: enrol with a confirming code, verify the second step of a sign-in, use a recovery code,
// disable with a fresh code. Code attempts are throttled per account; a success clears the count.
import type { Kysely } from 'kysely';
import type { DB, Executor } from '../db';
import { recordAudit } from '../audit/repository';
import * as rateLimit from './rate-limit';
import { decodeTotpKey, matchTotpStep } from './totp';
import { decryptTotpKey, encryptTotpKey, TotpSecretError } from '../common/totp-secret';
import { consumeRecoveryCode, replaceRecoveryCodes } from './recovery-codes';
import { noteCompletedSignIn, type SignInContext } from './new-device';
import { InvalidCodeError, TotpAlreadyEnabledError, TotpNotEnabledError } from './errors';

/** Code and passkey attempts of a second step share this per-account limit. */
export const limitKey = (userId: string) => `two_factor:account:${userId}`;

export async function markSessionTwoFactorVerified(db: Executor, sessionId: string): Promise<void> {
	await db.updateTable('sessions').set({ two_factor_verified: true }).where('id', '=', sessionId).execute();
}

const asStep = (value: string | number | bigint | null) => (value === null ? null : Number(value));

/** Turns TOTP on with the key the user's app now holds; returns the ten recovery codes to show once. */
export async function enableTotp(
	db: Kysely<DB>,
	input: { userId: string; sessionId: string | null; key: string; code: string },
	ip: string | null,
	now = new Date()
): Promise<string[]> {
	await rateLimit.consumeRateLimit(db, limitKey(input.userId), rateLimit.TWO_FACTOR_PER_ACCOUNT, now);
	const key = decodeTotpKey(input.key);
	const step = key ? matchTotpStep(key, input.code, now) : null;
	if (!key || step === null) throw new InvalidCodeError();
	const codes = await db.transaction().execute(async (trx) => {
		const user = await trx
			.selectFrom('users')
			.select('totp_enabled_at')
			.where('id', '=', input.userId)
			.forUpdate()
			.executeTakeFirstOrThrow();
		if (user.totp_enabled_at) throw new TotpAlreadyEnabledError();
		await trx
			.updateTable('users')
			.set({ totp_key: encryptTotpKey(key, input.userId), totp_last_step: step, totp_enabled_at: now, updated_at: now })
			.where('id', '=', input.userId)
			.execute();
		const codes = await replaceRecoveryCodes(trx, input.userId);
		// The code just typed is a second factor: this session has passed it.
		if (input.sessionId) await markSessionTwoFactorVerified(trx, input.sessionId);
		await recordAudit(trx, {
			actorId: input.userId,
			action: 'user.totp_enabled',
			entityType: 'user',
			entityId: input.userId,
			ip
		});
		return codes;
	});
	await rateLimit.clearRateLimit(db, limitKey(input.userId));
	return codes;
}

/** Checks a TOTP code against the user's key, refusing replays; the step is recorded in `trx`. */
async function useTotpCode(trx: Executor, userId: string, code: string, now: Date): Promise<void> {
	const user = await trx
		.selectFrom('users')
		.select(['totp_key', 'totp_last_step'])
		.where('id', '=', userId)
		.forUpdate()
		.executeTakeFirstOrThrow();
	if (!user.totp_key) throw new TotpNotEnabledError();
	let key: Uint8Array;
	try {
		key = decryptTotpKey(new Uint8Array(user.totp_key), userId);
	} catch (error) {
		// Stored under another TOTP_ENCRYPTION_KEY (the server logs this at start): no code can match,
		// a recovery code or a passkey still signs in.
		if (error instanceof TotpSecretError) throw new InvalidCodeError();
		throw error;
	}
	const step = matchTotpStep(key, code, now, asStep(user.totp_last_step));
	if (step === null) throw new InvalidCodeError();
	await trx.updateTable('users').set({ totp_last_step: step }).where('id', '=', userId).execute();
}

/** Runs one throttled code check; a refused code still counts, a success clears the count. */
async function throttled<T>(db: Kysely<DB>, userId: string, now: Date, check: () => Promise<T>): Promise<T> {
	await rateLimit.consumeRateLimit(db, limitKey(userId), rateLimit.TWO_FACTOR_PER_ACCOUNT, now);
	const result = await check();
	await rateLimit.clearRateLimit(db, limitKey(userId));
	return result;
}

/** `context`: the request that completes the sign-in; its device is noted (new-device e-mail) once the step passed. */
type SecondStepInput = { userId: string; sessionId: string; code: string; context?: SignInContext };

/** The second step of a password sign-in, with a code from the authenticator app. */
export async function verifyTotpSignIn(db: Kysely<DB>, input: SecondStepInput, now = new Date()) {
	await throttled(db, input.userId, now, () =>
		db.transaction().execute(async (trx) => {
			await useTotpCode(trx, input.userId, input.code, now);
			await markSessionTwoFactorVerified(trx, input.sessionId);
		})
	);
	if (input.context) await noteCompletedSignIn(db, input.userId, input.context, now);
}

/** The second step with a recovery code instead; each code works once. */
export async function verifyRecoveryCodeSignIn(
	db: Kysely<DB>,
	input: SecondStepInput,
	ip: string | null,
	now = new Date()
) {
	await throttled(db, input.userId, now, () =>
		db.transaction().execute(async (trx) => {
			if (!(await consumeRecoveryCode(trx, input.userId, input.code))) throw new InvalidCodeError();
			await markSessionTwoFactorVerified(trx, input.sessionId);
			await recordAudit(trx, {
				actorId: input.userId,
				action: 'user.recovery_code_used',
				entityType: 'user',
				entityId: input.userId,
				ip
			});
		})
	);
	if (input.context) await noteCompletedSignIn(db, input.userId, input.context, now);
}

/** Turns TOTP off; asks for a fresh code so a borrowed session alone cannot do it. */
export async function disableTotp(
	db: Kysely<DB>,
	input: { userId: string; code: string },
	ip: string | null,
	now = new Date()
) {
	await throttled(db, input.userId, now, () =>
		db.transaction().execute(async (trx) => {
			await useTotpCode(trx, input.userId, input.code, now);
			await trx
				.updateTable('users')
				.set({ totp_key: null, totp_last_step: null, totp_enabled_at: null, updated_at: now })
				.where('id', '=', input.userId)
				.execute();
			await trx.deleteFrom('recovery_codes').where('user_id', '=', input.userId).execute();
			await recordAudit(trx, {
				actorId: input.userId,
				action: 'user.totp_disabled',
				entityType: 'user',
				entityId: input.userId,
				ip
			});
		})
	);
}

/** New recovery codes for someone who used or lost theirs; needs a fresh TOTP code. */
export async function regenerateRecoveryCodes(
	db: Kysely<DB>,
	input: { userId: string; code: string },
	ip: string | null,
	now = new Date()
) {
	return throttled(db, input.userId, now, () =>
		db.transaction().execute(async (trx) => {
			await useTotpCode(trx, input.userId, input.code, now);
			const codes = await replaceRecoveryCodes(trx, input.userId);
			await recordAudit(trx, {
				actorId: input.userId,
				action: 'user.recovery_codes_regenerated',
				entityType: 'user',
				entityId: input.userId,
				ip
			});
			return codes;
		})
	);
}

/** How many stored TOTP keys do not decrypt with this server's TOTP_ENCRYPTION_KEY (checked at start). */
export async function countUnreadableTotpKeys(db: Kysely<DB>): Promise<number> {
	const rows = await db.selectFrom('users').select(['id', 'totp_key']).where('totp_key', 'is not', null).execute();
	let unreadable = 0;
	for (const row of rows) {
		try {
			decryptTotpKey(new Uint8Array(row.totp_key!), row.id);
		} catch {
			unreadable++;
		}
	}
	return unreadable;
}
