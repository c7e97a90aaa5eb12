// Passkeys verified against real responses recorded from Chromium's virtual authenticator
// (tests/fixtures/webauthn/record.ts): registration and sign-in for ES256 and RS256, the checks that
// must refuse (origin, relying party, challenge, signature, replay), and the service around them.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import { sha256 } from '@oslojs/crypto/sha2';
import type { Database } from '$lib/server/db/connect';
import type { DB } from '$lib/server/db';
import { verifyAssertion, verifyRegistration, WebAuthnVerificationError } from '$lib/server/auth/webauthn';
import { listPasskeys, registerPasskey, removePasskey, signInWithPasskey } from '$lib/server/auth/passkeys';
import { validateSessionToken } from '$lib/server/auth/session';
import { PasskeyInvalidError } from '$lib/server/auth/errors';
import { NotFoundError } from '$lib/server/errors';
import { closeRuntimeDatabase, openRuntimeDatabase } from './support/runtime-database';
import { createUser } from '../factories';

type Recorded = {
	registration: { credentialId: string; attestationObject: string; clientDataJSON: string };
	signIn: { credentialId: string; authenticatorData: string; clientDataJSON: string; signature: string };
};
const fixture = JSON.parse(
	readFileSync(new URL('../fixtures/webauthn/chromium-virtual-authenticator.json', import.meta.url), 'utf8')
) as {
	origin: string;
	rpId: string;
	registerChallenge: string;
	signInChallenge: string;
	es256: Recorded;
	rs256: Recorded;
};
const bytes = (base64: string) => new Uint8Array(Buffer.from(base64, 'base64'));
const text = (value: string) => new TextEncoder().encode(value);
const rp = { rpId: fixture.rpId, origin: fixture.origin };
const registration = (r: Recorded) => ({
	attestationObject: bytes(r.registration.attestationObject),
	clientDataJSON: bytes(r.registration.clientDataJSON)
});
const assertion = (r: Recorded) => ({
	credentialId: bytes(r.signIn.credentialId),
	authenticatorData: bytes(r.signIn.authenticatorData),
	clientDataJSON: bytes(r.signIn.clientDataJSON),
	signature: bytes(r.signIn.signature)
});

let database: Database;
let db: Kysely<DB>;
beforeAll(async () => {
	database = await openRuntimeDatabase();
	db = database.db;
});
afterAll(() => closeRuntimeDatabase(database));

describe.each([
	['ES256', 'es256', -7],
	['RS256', 'rs256', -257]
] as const)('a recorded %s passkey', (_label, name, algorithm) => {
	const recorded = fixture[name];
	const registerExpected = { challenge: text(fixture.registerChallenge), ...rp };
	const signInExpected = { challenge: text(fixture.signInChallenge), ...rp };

	it('registers, and its sign-in verifies against the stored key', () => {
		const credential = verifyRegistration(registration(recorded), registerExpected);
		expect(credential.algorithm).toBe(algorithm);
		expect(Buffer.from(credential.id).toString('base64')).toBe(recorded.registration.credentialId);
		expect(() => verifyAssertion(assertion(recorded), credential, signInExpected)).not.toThrow();
	});

	it('is refused for another origin, relying party or challenge, or a changed signature', () => {
		expect(() =>
			verifyRegistration(registration(recorded), { ...registerExpected, origin: 'https://evil.example' })
		).toThrow(WebAuthnVerificationError);
		expect(() => verifyRegistration(registration(recorded), { ...registerExpected, rpId: 'evil.example' })).toThrow(
			WebAuthnVerificationError
		);
		expect(() =>
			verifyRegistration(registration(recorded), { ...registerExpected, challenge: text('another challenge') })
		).toThrow(WebAuthnVerificationError);
		// A registration response is not a sign-in response, and the other way round.
		expect(() => verifyRegistration(registration(recorded), signInExpected)).toThrow(WebAuthnVerificationError);
		const credential = verifyRegistration(registration(recorded), registerExpected);
		expect(() =>
			verifyAssertion(assertion(recorded), credential, { ...signInExpected, origin: 'http://localhost:1' })
		).toThrow(WebAuthnVerificationError);
		expect(() =>
			verifyAssertion(assertion(recorded), credential, {
				...signInExpected,
				challenge: text(fixture.registerChallenge)
			})
		).toThrow(WebAuthnVerificationError);
		const tampered = assertion(recorded);
		tampered.signature[tampered.signature.length - 1] ^= 1;
		expect(() => verifyAssertion(tampered, credential, signInExpected)).toThrow(WebAuthnVerificationError);
		const otherKey = verifyRegistration(registration(fixture[name === 'es256' ? 'rs256' : 'es256']), registerExpected);
		expect(() => verifyAssertion(assertion(recorded), otherKey, signInExpected)).toThrow(WebAuthnVerificationError);
	});
});

/** Stands in for the challenge the server handed out when the fixture was recorded. */
async function storeChallenge(challenge: string, purpose: 'register' | 'sign_in', userId: string | null) {
	await db
		.insertInto('webauthn_challenges')
		.values({
			challenge_hash: sha256(text(challenge)),
			purpose,
			user_id: userId,
			expires_at: new Date(Date.now() + 60_000)
		})
		.execute();
}

describe('the passkey service', () => {
	it('registers a passkey once per challenge, signs in with it alone as two factors, and refuses a replay', async () => {
		const user = await createUser(db);
		// Without a challenge handed out to this user, the response is refused.
		await expect(
			registerPasskey(db, user.id, { name: 'laptop', ...registration(fixture.es256) }, rp, null)
		).rejects.toBeInstanceOf(PasskeyInvalidError);
		await storeChallenge(fixture.registerChallenge, 'register', user.id);
		await registerPasskey(db, user.id, { name: 'laptop', ...registration(fixture.es256) }, rp, null);
		expect((await listPasskeys(db, user.id)).map((p) => p.name)).toEqual(['laptop']);

		await storeChallenge(fixture.signInChallenge, 'sign_in', null);
		const context = {
			ip: '198.51.100.20',
			userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0.0.0',
			origin: fixture.origin
		};
		const signedIn = await signInWithPasskey(db, assertion(fixture.es256), rp, context);
		expect(signedIn.user.id).toBe(user.id);
		expect(signedIn.session.twoFactorVerified).toBe(true);
		expect((await validateSessionToken(db, signedIn.token)).session?.twoFactorVerified).toBe(true);
		// The challenge was used up: the same answer again is refused.
		await expect(signInWithPasskey(db, assertion(fixture.es256), rp, context)).rejects.toBeInstanceOf(
			PasskeyInvalidError
		);
		expect((await listPasskeys(db, user.id))[0].last_used_at).not.toBeNull();
	});

	it('keeps passkeys to their owner: removing someone else’s is not found', async () => {
		const owner = await createUser(db);
		const stranger = await createUser(db);
		await storeChallenge(fixture.registerChallenge, 'register', owner.id);
		await registerPasskey(db, owner.id, { name: 'key', ...registration(fixture.rs256) }, rp, null);
		const [passkey] = await listPasskeys(db, owner.id);
		await expect(removePasskey(db, stranger.id, passkey.id, null)).rejects.toBeInstanceOf(NotFoundError);
		expect(await listPasskeys(db, owner.id)).toHaveLength(1);
		await removePasskey(db, owner.id, passkey.id, null);
		expect(await listPasskeys(db, owner.id)).toHaveLength(0);
		// A challenge handed out to one user cannot register a passkey for another.
		await storeChallenge(fixture.registerChallenge, 'register', owner.id);
		await expect(
			registerPasskey(db, stranger.id, { name: 'key', ...registration(fixture.rs256) }, rp, null)
		).rejects.toBeInstanceOf(PasskeyInvalidError);
	});
});
