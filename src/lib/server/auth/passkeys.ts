// Passkey rules: one-time challenges kept (hashed) in PostgreSQL, registration, sign-in with a passkey
// alone (it counts as two factors: something held, verified by the authenticator), list and removal.
import type { Kysely } from 'kysely';
import { sha256 } from '@oslojs/crypto/sha2';
import { parseClientDataJSON } from '@oslojs/webauthn';
import type { DB, Executor } from '../db';
import { isUniqueViolation } from '../db/errors';
import { NotFoundError } from '../errors';
import { recordAudit } from '../audit/repository';
import * as userRepository from '../users/repository';
import * as rateLimit from './rate-limit';
import { createSession } from './session';
import { noteCompletedSignIn, noteSignInDevice } from './new-device';
import { limitKey, markSessionTwoFactorVerified } from './two-factor';
import { verifyAssertion, verifyRegistration, WebAuthnVerificationError } from './webauthn';
import { AccountDisabledError, PasskeyInvalidError } from './errors';
import type { RequestContext } from './service';

const CHALLENGE_LIFETIME_MS = 5 * 60 * 1000;
export const MAX_PASSKEYS = 10;

type RelyingParty = { rpId: string; origin: string };
type Purpose = 'register' | 'sign_in';

export async function createChallenge(
	db: Executor,
	purpose: Purpose,
	userId: string | null,
	now = new Date()
): Promise<Uint8Array> {
	const challenge = new Uint8Array(32);
	crypto.getRandomValues(challenge);
	await db.deleteFrom('webauthn_challenges').where('expires_at', '<=', now).execute();
	await db
		.insertInto('webauthn_challenges')
		.values({
			challenge_hash: sha256(challenge),
			user_id: userId,
			purpose,
			expires_at: new Date(now.getTime() + CHALLENGE_LIFETIME_MS)
		})
		.execute();
	return challenge;
}

/** The challenge the client signed, deleted as it is read: valid once, for its purpose and user. */
async function consumeChallenge(
	db: Executor,
	clientDataJSON: Uint8Array,
	purpose: Purpose,
	userId: string | null,
	now: Date
): Promise<Uint8Array> {
	let challenge: Uint8Array;
	try {
		challenge = parseClientDataJSON(clientDataJSON).challenge;
	} catch {
		throw new PasskeyInvalidError();
	}
	let query = db
		.deleteFrom('webauthn_challenges')
		.where('challenge_hash', '=', sha256(challenge))
		.where('purpose', '=', purpose)
		.where('expires_at', '>', now);
	query = userId === null ? query.where('user_id', 'is', null) : query.where('user_id', '=', userId);
	const row = await query.returning('challenge_hash').executeTakeFirst();
	if (!row) throw new PasskeyInvalidError();
	return challenge;
}

export async function registerPasskey(
	db: Kysely<DB>,
	userId: string,
	input: { name: string; attestationObject: Uint8Array; clientDataJSON: Uint8Array; sessionId?: string | null },
	rp: RelyingParty,
	ip: string | null,
	now = new Date()
) {
	try {
		return await db.transaction().execute(async (trx) => {
			const challenge = await consumeChallenge(trx, input.clientDataJSON, 'register', userId, now);
			const credential = verifyRegistration(input, { challenge, ...rp });
			const count = await trx
				.selectFrom('passkeys')
				.select((eb) => eb.fn.countAll<string>().as('n'))
				.where('user_id', '=', userId)
				.executeTakeFirstOrThrow();
			if (Number(count.n) >= MAX_PASSKEYS) throw new PasskeyInvalidError();
			const row = await trx
				.insertInto('passkeys')
				.values({
					id: credential.id,
					user_id: userId,
					name: input.name,
					algorithm: credential.algorithm,
					public_key: credential.publicKey
				})
				.returning(['id', 'name', 'created_at'])
				.executeTakeFirstOrThrow();
			// The ceremony just verified the user on the new authenticator (user verification is required):
			// like the code that turns TOTP on, it is a second factor, so this session has passed one.
			if (input.sessionId) await markSessionTwoFactorVerified(trx, input.sessionId);
			await recordAudit(trx, {
				actorId: userId,
				action: 'user.passkey_added',
				entityType: 'user',
				entityId: userId,
				data: { name: input.name },
				ip
			});
			return row;
		});
	} catch (error) {
		if (error instanceof WebAuthnVerificationError || isUniqueViolation(error, 'passkeys_pkey'))
			throw new PasskeyInvalidError();
		throw error;
	}
}

/** A passkey sign-in: the session starts as having passed two factors. */
export async function signInWithPasskey(
	db: Kysely<DB>,
	input: { credentialId: Uint8Array; authenticatorData: Uint8Array; clientDataJSON: Uint8Array; signature: Uint8Array },
	rp: RelyingParty,
	context: RequestContext,
	now = new Date()
) {
	if (context.ip)
		await rateLimit.consumeRateLimit(db, `passkey:ip:${context.ip}`, rateLimit.PASSKEY_SIGN_IN_PER_IP, now);
	const signedIn = await db.transaction().execute(async (trx) => {
		const challenge = await consumeChallenge(trx, input.clientDataJSON, 'sign_in', null, now);
		const passkey = await trx
			.selectFrom('passkeys')
			.selectAll()
			.where('id', '=', input.credentialId)
			.executeTakeFirst();
		if (!passkey) throw new PasskeyInvalidError();
		try {
			verifyAssertion(
				input,
				{ algorithm: passkey.algorithm, publicKey: new Uint8Array(passkey.public_key) },
				{ challenge, ...rp }
			);
		} catch (error) {
			if (error instanceof WebAuthnVerificationError) throw new PasskeyInvalidError();
			throw error;
		}
		const user = await userRepository.findUserById(trx, passkey.user_id);
		if (!user) throw new PasskeyInvalidError();
		if (user.disabled_at) throw new AccountDisabledError();
		await trx.updateTable('passkeys').set({ last_used_at: now }).where('id', '=', passkey.id).execute();
		const session = await createSession(trx, user.id, { ...context, twoFactorVerified: true }, now);
		await recordAudit(trx, {
			actorId: user.id,
			action: 'user.passkey_sign_in',
			entityType: 'user',
			entityId: user.id,
			data: { passkey: passkey.name },
			ip: context.ip
		});
		return { user, ...session };
	});
	await noteSignInDevice(db, signedIn.user, context, now);
	return signedIn;
}

type Assertion = {
	credentialId: Uint8Array;
	authenticatorData: Uint8Array;
	clientDataJSON: Uint8Array;
	signature: Uint8Array;
};

/**
 * The second step of a password sign-in, with one of the user's own passkeys: the challenge was
 * handed out to this user, the passkey must be theirs. Attempts share the per-account limit of codes.
 */
export async function verifyPasskeySecondStep(
	db: Kysely<DB>,
	input: Assertion & { userId: string; sessionId: string },
	rp: RelyingParty,
	context: RequestContext,
	now = new Date()
) {
	await rateLimit.consumeRateLimit(db, limitKey(input.userId), rateLimit.TWO_FACTOR_PER_ACCOUNT, now);
	await db.transaction().execute(async (trx) => {
		const challenge = await consumeChallenge(trx, input.clientDataJSON, 'sign_in', input.userId, now);
		const passkey = await trx
			.selectFrom('passkeys')
			.selectAll()
			.where('id', '=', input.credentialId)
			.where('user_id', '=', input.userId)
			.executeTakeFirst();
		if (!passkey) throw new PasskeyInvalidError();
		try {
			verifyAssertion(
				input,
				{ algorithm: passkey.algorithm, publicKey: new Uint8Array(passkey.public_key) },
				{ challenge, ...rp }
			);
		} catch (error) {
			if (error instanceof WebAuthnVerificationError) throw new PasskeyInvalidError();
			throw error;
		}
		await trx.updateTable('passkeys').set({ last_used_at: now }).where('id', '=', passkey.id).execute();
		await markSessionTwoFactorVerified(trx, input.sessionId);
		await recordAudit(trx, {
			actorId: input.userId,
			action: 'user.passkey_second_step',
			entityType: 'user',
			entityId: input.userId,
			data: { passkey: passkey.name },
			ip: context.ip
		});
	});
	await rateLimit.clearRateLimit(db, limitKey(input.userId));
	await noteCompletedSignIn(db, input.userId, context, now);
}

export function listPasskeys(db: Executor, userId: string) {
	return db
		.selectFrom('passkeys')
		.select(['id', 'name', 'created_at', 'last_used_at'])
		.where('user_id', '=', userId)
		.orderBy('created_at')
		.execute();
}

/** Removes one of the user's own passkeys; someone else's is "not found". */
export async function removePasskey(db: Kysely<DB>, userId: string, passkeyId: Uint8Array, ip: string | null) {
	await db.transaction().execute(async (trx) => {
		const removed = await trx
			.deleteFrom('passkeys')
			.where('id', '=', passkeyId)
			.where('user_id', '=', userId)
			.returning('name')
			.executeTakeFirst();
		if (!removed) throw new NotFoundError();
		await recordAudit(trx, {
			actorId: userId,
			action: 'user.passkey_removed',
			entityType: 'user',
			entityId: userId,
			data: { name: removed.name },
			ip
		});
	});
}
