// Issue #16 hardening: a passkey is a second factor after a password too (and for operators and
// organisations that require one); the new-device e-mail waits for the completed sign-in; an
// organisation's two-factor rule holds for API tokens; TOTP keys are encrypted at rest, existing
// ones by a migration on PostgreSQL and PGlite, and the demo operator key keeps working.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Migrator, type Kysely } from 'kysely';
import { sha256 } from '@oslojs/crypto/sha2';
import { generateHOTP } from '@oslojs/otp';
import { openDatabase, type Database } from '$lib/server/db/connect';
import type { DB } from '$lib/server/db';
import { migrations } from '../../migrations/index';
import * as authService from '$lib/server/auth/service';
import { createSession, validateSessionToken } from '$lib/server/auth/session';
import {
	countUnreadableTotpKeys,
	enableTotp,
	verifyRecoveryCodeSignIn,
	verifyTotpSignIn
} from '$lib/server/auth/two-factor';
import { registerPasskey, removePasskey, listPasskeys, verifyPasskeySecondStep } from '$lib/server/auth/passkeys';
import { decodeTotpKey, encodeTotpKey, generateTotpKey, totpStepAt } from '$lib/server/auth/totp';
import {
	decryptTotpKey,
	DEVELOPMENT_TOTP_ENCRYPTION_KEY,
	encryptTotpKey,
	parseTotpEncryptionKey,
	TotpSecretError
} from '$lib/server/common/totp-secret';
import { secondFactorGate } from '$lib/server/auth/second-factor-gate';
import { createApiToken, issueApiToken, listApiTokens } from '$lib/server/auth/api-token';
import { InvalidCodeError, OrgSecondFactorRequiredError, PasskeyInvalidError } from '$lib/server/auth/errors';
import { noteSignInDevice } from '$lib/server/auth/new-device';
import { handleAuth } from '$lib/server/auth/http-handle';
import { problemSchema } from '$lib/server/api/schemas';
import { seedSecondFactor } from '$lib/server/seed/second-factor';
import { DEMO_ACCOUNTS, DEMO_OPERATOR_TOTP_KEY } from '$lib/server/seed/demo-accounts';
import { closeRuntimeDatabase, openRuntimeDatabase } from './support/runtime-database';
import { databaseUrl, maintenanceUrl } from './support/database';
import { addMember, createOperator, createOrganization, createUser, TEST_PASSWORD } from '../factories';
import pg from 'pg';

const ORIGIN = 'http://127.0.0.1:3000';
const CHROME =
	'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
const IPHONE =
	'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';
const context = (userAgent: string) => ({ ip: '198.51.100.30', userAgent, origin: ORIGIN });

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

const T0 = new Date('2026-12-06T01:00:05Z');
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);
const codeAt = (key: Uint8Array, when: Date) => generateHOTP(key, BigInt(totpStepAt(when)), 6);

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

async function registerFixturePasskey(userId: string, recorded: Recorded, sessionId: string | null = null) {
	await storeChallenge(fixture.registerChallenge, 'register', userId);
	return registerPasskey(db, userId, { name: 'laptop', ...registration(recorded), sessionId }, rp, null);
}

const sessionVerified = async (sessionId: string) =>
	(await db.selectFrom('sessions').select('two_factor_verified').where('id', '=', sessionId).executeTakeFirstOrThrow())
		.two_factor_verified;
const mails = (to: string) => db.selectFrom('email_outbox').select(['subject']).where('to_address', '=', to).execute();

describe('a passkey as the second step of a password sign-in', () => {
	it('is asked for when the user has a passkey and no TOTP, and only the user’s own passkey and challenge pass it', async () => {
		const owner = await createUser(db);
		const other = await createUser(db);
		await registerFixturePasskey(owner.id, fixture.es256);
		await registerFixturePasskey(other.id, fixture.rs256);

		const signedIn = await authService.signIn(db, { email: owner.email, password: TEST_PASSWORD }, context(CHROME));
		expect(signedIn.needsSecondStep).toBe(true);
		expect(signedIn.session.twoFactorVerified).toBe(false);
		const pending = await validateSessionToken(db, signedIn.token);
		expect(pending.twoFactor).toEqual({ enrolled: true, requiredByOrg: false });
		expect(
			secondFactorGate({
				pathname: '/testbed',
				session: pending.session!,
				twoFactor: pending.twoFactor!,
				isOperator: false
			})
		).toBe('pending');

		const step = (userId: string, sessionId: string, recorded: Recorded) =>
			verifyPasskeySecondStep(db, { userId, sessionId, ...assertion(recorded) }, rp, context(CHROME));
		// A challenge of the passwordless sign-in (no user) does not serve this user's second step.
		await storeChallenge(fixture.signInChallenge, 'sign_in', null);
		await expect(step(owner.id, signedIn.session.id, fixture.es256)).rejects.toBeInstanceOf(PasskeyInvalidError);
		await db.deleteFrom('webauthn_challenges').execute();
		// Someone else's passkey does not pass this user's step, even with this user's challenge.
		await storeChallenge(fixture.signInChallenge, 'sign_in', owner.id);
		await expect(step(owner.id, signedIn.session.id, fixture.rs256)).rejects.toBeInstanceOf(PasskeyInvalidError);
		expect(await sessionVerified(signedIn.session.id)).toBe(false);
		// The user's own passkey with the user's challenge passes it; the challenge is then spent.
		await db.deleteFrom('webauthn_challenges').execute();
		await storeChallenge(fixture.signInChallenge, 'sign_in', owner.id);
		await step(owner.id, signedIn.session.id, fixture.es256);
		expect(await sessionVerified(signedIn.session.id)).toBe(true);
		const after = await validateSessionToken(db, signedIn.token);
		expect(
			secondFactorGate({
				pathname: '/testbed',
				session: after.session!,
				twoFactor: after.twoFactor!,
				isOperator: false
			})
		).toBe('pass');
		await expect(step(owner.id, signedIn.session.id, fixture.es256)).rejects.toBeInstanceOf(PasskeyInvalidError);
		expect((await listPasskeys(db, owner.id))[0].last_used_at).not.toBeNull();
		const audit = await db
			.selectFrom('audit_log')
			.select('action')
			.where('entity_id', '=', owner.id)
			.where('action', '=', 'user.passkey_second_step')
			.execute();
		expect(audit).toHaveLength(1);

		// Without a passkey (removed) and without TOTP, a password alone signs in again.
		await db.deleteFrom('passkeys').where('user_id', '=', other.id).execute();
		expect(
			(await authService.signIn(db, { email: other.email, password: TEST_PASSWORD }, context(CHROME))).needsSecondStep
		).toBe(false);
		await db.deleteFrom('passkeys').where('user_id', '=', owner.id).execute();
	});

	it('counts for the session that registers it, as the code that turns TOTP on does', async () => {
		const user = await createUser(db);
		const { session, token } = await createSession(db, user.id);
		await registerFixturePasskey(user.id, fixture.es256, session.id);
		const validated = await validateSessionToken(db, token);
		expect(validated.session?.twoFactorVerified).toBe(true);
		expect(
			secondFactorGate({
				pathname: '/testbed',
				session: validated.session!,
				twoFactor: validated.twoFactor!,
				isOperator: false
			})
		).toBe('pass');
		// Another session of the same user, from before, now owes its second step.
		const older = await validateSessionToken(db, (await createSession(db, user.id)).token);
		expect(
			secondFactorGate({
				pathname: '/testbed',
				session: older.session!,
				twoFactor: older.twoFactor!,
				isOperator: false
			})
		).toBe('pending');
		await removePasskey(db, user.id, (await listPasskeys(db, user.id))[0].id, null);
	});

	it('is a second factor for operators (no enrolment redirect) and for organisations that require one', async () => {
		const operator = await createOperator(db);
		const unverified = await validateSessionToken(db, (await createSession(db, operator.id)).token);
		expect(
			secondFactorGate({
				pathname: '/admin',
				session: unverified.session!,
				twoFactor: unverified.twoFactor!,
				isOperator: true
			})
		).toBe('enrol');
		await registerFixturePasskey(operator.id, fixture.rs256);
		// With a passkey the operator is not sent to enrol: a password-only session owes the passkey step.
		const pending = await validateSessionToken(db, (await createSession(db, operator.id)).token);
		expect(
			secondFactorGate({
				pathname: '/admin',
				session: pending.session!,
				twoFactor: pending.twoFactor!,
				isOperator: true
			})
		).toBe('pending');
		const passed = await validateSessionToken(
			db,
			(await createSession(db, operator.id, { twoFactorVerified: true })).token
		);
		expect(
			secondFactorGate({ pathname: '/admin', session: passed.session!, twoFactor: passed.twoFactor!, isOperator: true })
		).toBe('pass');
		await db.deleteFrom('passkeys').where('user_id', '=', operator.id).execute();

		const member = await createUser(db);
		const org = await createOrganization(db, { require_two_factor: true });
		await addMember(db, org.id, member.id, 'member');
		await registerFixturePasskey(member.id, fixture.rs256);
		const memberSession = await validateSessionToken(
			db,
			(await createSession(db, member.id, { twoFactorVerified: true })).token
		);
		expect(memberSession.twoFactor).toEqual({ enrolled: true, requiredByOrg: true });
		expect(
			secondFactorGate({
				pathname: '/testbed',
				session: memberSession.session!,
				twoFactor: memberSession.twoFactor!,
				isOperator: false
			})
		).toBe('pass');
		// …and for the organisation's rule on API tokens.
		await expect(issueApiToken(db, member.id, 'ci')).resolves.toMatchObject({ token: expect.stringMatching(/^mct_/) });
		await db.deleteFrom('passkeys').where('user_id', '=', member.id).execute();
	});
});

describe('the new-device e-mail', () => {
	it('waits for the second step: a half-done sign-in from a new device sends none, the completed one does', async () => {
		const user = await createUser(db);
		const key = generateTotpKey();
		const codes = await enableTotp(
			db,
			{ userId: user.id, sessionId: null, key: encodeTotpKey(key), code: codeAt(key, T0) },
			null,
			T0
		);
		await noteSignInDevice(db, user, context(CHROME));
		// The password from a new device, then nothing: no e-mail, and the device is not remembered.
		const half = await authService.signIn(db, { email: user.email, password: TEST_PASSWORD }, context(IPHONE));
		expect(half.needsSecondStep).toBe(true);
		expect(await mails(user.email)).toHaveLength(0);
		expect(await db.selectFrom('known_devices').select('device').where('user_id', '=', user.id).execute()).toHaveLength(
			1
		);
		// A wrong code: still nothing.
		await expect(
			verifyTotpSignIn(
				db,
				{ userId: user.id, sessionId: half.session.id, code: codeAt(key, at(-600)), context: context(IPHONE) },
				at(30)
			)
		).rejects.toThrow();
		expect(await mails(user.email)).toHaveLength(0);
		// The code completes the sign-in: now the e-mail goes out, once.
		const full = await authService.signIn(db, { email: user.email, password: TEST_PASSWORD }, context(IPHONE));
		await verifyTotpSignIn(
			db,
			{ userId: user.id, sessionId: full.session.id, code: codeAt(key, at(30)), context: context(IPHONE) },
			at(30)
		);
		expect(await mails(user.email)).toHaveLength(1);
		// A recovery code completes one too; the device is known by now, so no second e-mail.
		const again = await authService.signIn(db, { email: user.email, password: TEST_PASSWORD }, context(IPHONE));
		await verifyRecoveryCodeSignIn(
			db,
			{ userId: user.id, sessionId: again.session.id, code: codes[0], context: context(IPHONE) },
			null,
			at(60)
		);
		expect(await mails(user.email)).toHaveLength(1);
	});

	it('is sent after a passkey second step from a new device', async () => {
		const user = await createUser(db);
		await registerFixturePasskey(user.id, fixture.es256);
		await noteSignInDevice(db, user, context(CHROME));
		const half = await authService.signIn(db, { email: user.email, password: TEST_PASSWORD }, context(IPHONE));
		expect(await mails(user.email)).toHaveLength(0);
		await storeChallenge(fixture.signInChallenge, 'sign_in', user.id);
		await verifyPasskeySecondStep(
			db,
			{ userId: user.id, sessionId: half.session.id, ...assertion(fixture.es256) },
			rp,
			context(IPHONE)
		);
		expect(await mails(user.email)).toHaveLength(1);
		await db.deleteFrom('passkeys').where('user_id', '=', user.id).execute();
	});
});

describe('API tokens of members of organisations that require a second factor', () => {
	let resolved = 0;
	const resolve = async () => {
		resolved++;
		return new Response('ran');
	};
	const bearerRequest = (token: string, path = '/api/v1/me') => {
		const url = new URL(path, ORIGIN);
		const request = new Request(url, { headers: { authorization: `Bearer ${token}` } });
		const cookies = { get: () => undefined, set: () => {}, delete: () => {}, getAll: () => [] };
		const event = {
			url,
			request,
			cookies,
			locals: {},
			route: { id: path },
			isRemoteRequest: false,
			setHeaders: () => {},
			getClientAddress: () => '192.0.2.11'
		};
		return handleAuth({ event, resolve } as never);
	};

	it('are refused (403, the API’s problem shape, in the user’s language) while the account has no second factor; none can be made', async () => {
		const member = await createUser(db, { locale: 'ko' });
		const org = await createOrganization(db);
		await addMember(db, org.id, member.id, 'member');
		// Made before the organisation turned the rule on.
		const { token } = await createApiToken(db, member.id, 'ci');
		expect((await bearerRequest(token)).status).toBe(200);
		expect(resolved).toBe(1);

		await db.updateTable('organizations').set({ require_two_factor: true }).where('id', '=', org.id).execute();
		const refused = await bearerRequest(token);
		expect(refused.status).toBe(403);
		const body = problemSchema.parse(await refused.json());
		expect(body.error.code).toBe('auth2_org_second_factor_required');
		expect(body.error.message).toContain('2단계 인증');
		expect(body.error.link).toBe('/settings/security');
		expect(resolved).toBe(1);
		// Making a new one is refused too, and nothing is stored.
		await expect(issueApiToken(db, member.id, 'another')).rejects.toBeInstanceOf(OrgSecondFactorRequiredError);
		expect(await listApiTokens(db, member.id)).toHaveLength(1);

		// With TOTP on, the same token works again and new ones can be made.
		const key = generateTotpKey();
		await enableTotp(
			db,
			{ userId: member.id, sessionId: null, key: encodeTotpKey(key), code: codeAt(key, new Date()) },
			null
		);
		expect((await bearerRequest(token)).status).toBe(200);
		expect(resolved).toBe(2);
		await issueApiToken(db, member.id, 'another');
		expect(await listApiTokens(db, member.id)).toHaveLength(2);
	});

	it('of an operator without a second factor are refused too; with a passkey they work', async () => {
		const operator = await createOperator(db);
		const { token } = await createApiToken(db, operator.id, 'ops');
		const refused = await bearerRequest(token);
		expect(refused.status).toBe(403);
		expect(problemSchema.parse(await refused.json()).error.code).toBe('auth2_org_second_factor_required');
		await expect(issueApiToken(db, operator.id, 'another')).rejects.toBeInstanceOf(OrgSecondFactorRequiredError);
		await registerFixturePasskey(operator.id, fixture.rs256);
		const before = resolved;
		expect((await bearerRequest(token)).status).toBe(200);
		expect(resolved).toBe(before + 1);
	});

	it('of organisations without the rule, and of other people, are left alone', async () => {
		const member = await createUser(db);
		await addMember(db, (await createOrganization(db)).id, member.id, 'member');
		const outsider = await createUser(db, { locale: 'en' });
		const strict = await createOrganization(db, { require_two_factor: true });
		const stranger = await createUser(db);
		await addMember(db, strict.id, stranger.id, 'member');
		const before = resolved;
		expect((await bearerRequest((await issueApiToken(db, member.id, 'ci')).token)).status).toBe(200);
		expect((await bearerRequest((await issueApiToken(db, outsider.id, 'ci')).token)).status).toBe(200);
		expect(resolved).toBe(before + 2);
		// The stranger's refusal is theirs alone, in English for an English account too.
		await db.updateTable('users').set({ locale: 'en' }).where('id', '=', stranger.id).execute();
		const refused = await bearerRequest((await createApiToken(db, stranger.id, 'old')).token);
		expect(refused.status).toBe(403);
		expect(((await refused.json()) as { error: { message: string } }).error.message).toContain('two-step verification');
	});
});

describe('TOTP keys at rest', () => {
	it('are stored encrypted with AES-256-GCM, bound to the user, and still verify codes', async () => {
		const user = await createUser(db);
		const key = generateTotpKey();
		await enableTotp(
			db,
			{ userId: user.id, sessionId: null, key: encodeTotpKey(key), code: codeAt(key, T0) },
			null,
			T0
		);
		const stored = new Uint8Array(
			(await db.selectFrom('users').select('totp_key').where('id', '=', user.id).executeTakeFirstOrThrow()).totp_key!
		);
		expect(stored).toHaveLength(1 + 12 + 20 + 16);
		expect(Buffer.from(stored).includes(Buffer.from(key))).toBe(false);
		expect(decryptTotpKey(stored, user.id)).toEqual(key);
		// Copied onto another account, the value does not decrypt; nor under another encryption key.
		expect(() => decryptTotpKey(stored, (globalThis.crypto as Crypto).randomUUID())).toThrow(TotpSecretError);
		expect(() => decryptTotpKey(stored, user.id, Buffer.alloc(32, 7))).toThrow(TotpSecretError);
		const { session } = await createSession(db, user.id);
		await verifyTotpSignIn(db, { userId: user.id, sessionId: session.id, code: codeAt(key, at(30)) }, at(30));
		expect(await sessionVerified(session.id)).toBe(true);
	});

	it('use TOTP_ENCRYPTION_KEY (hex or base64, 32 bytes), else a fixed development key', () => {
		const hex = 'ab'.repeat(32);
		expect(parseTotpEncryptionKey(hex)).toEqual(Buffer.alloc(32, 0xab));
		expect(parseTotpEncryptionKey(Buffer.alloc(32, 0xab).toString('base64'))).toEqual(Buffer.alloc(32, 0xab));
		expect(parseTotpEncryptionKey(undefined)).toEqual(DEVELOPMENT_TOTP_ENCRYPTION_KEY);
		expect(parseTotpEncryptionKey('')).toEqual(DEVELOPMENT_TOTP_ENCRYPTION_KEY);
		expect(DEVELOPMENT_TOTP_ENCRYPTION_KEY).toHaveLength(32);
		expect(() => parseTotpEncryptionKey('too short')).toThrow(TotpSecretError);
		expect(() => parseTotpEncryptionKey('ab'.repeat(16))).toThrow(TotpSecretError);
		const sealed = encryptTotpKey(new Uint8Array(20).fill(1), 'u', Buffer.alloc(32, 0xab));
		expect(decryptTotpKey(sealed, 'u', parseTotpEncryptionKey(hex))).toEqual(new Uint8Array(20).fill(1));
	});

	it('of the demo operator are seeded encrypted, and the README key’s codes sign in', async () => {
		const operator = await createOperator(db);
		const demoEmail = DEMO_ACCOUNTS.find((account) => account.isOperator)!.email.toLowerCase();
		await db.transaction().execute((trx) => seedSecondFactor(trx, new Map([[demoEmail, operator.id]]), T0));
		const stored = new Uint8Array(
			(await db.selectFrom('users').select('totp_key').where('id', '=', operator.id).executeTakeFirstOrThrow())
				.totp_key!
		);
		expect(stored).toHaveLength(49);
		const demoKey = decodeTotpKey(DEMO_OPERATOR_TOTP_KEY)!;
		const { session } = await createSession(db, operator.id);
		await verifyTotpSignIn(db, { userId: operator.id, sessionId: session.id, code: codeAt(demoKey, at(30)) }, at(30));
		expect(await sessionVerified(session.id)).toBe(true);
	});
});

// The migration that encrypts keys stored before: on PGlite always, on PostgreSQL when DATABASE_URL is set.
const MIGRATION = '20261206T0100_auth_hardening';
const previousMigration = Object.keys(migrations)
	.sort()
	.filter((name) => name < MIGRATION)
	.at(-1)!;

async function openUnmigratedPostgres(url: string): Promise<Database> {
	const name = `mc_it_${Math.random().toString(16).slice(2, 14)}`;
	const admin = async (query: string) => {
		const client = new pg.Client({ connectionString: maintenanceUrl(url) });
		await client.connect();
		try {
			await client.query(query);
		} finally {
			await client.end();
		}
	};
	await admin(`create database "${name}"`);
	const opened = await openDatabase({ url: databaseUrl(url, name), poolSize: 2 });
	return {
		...opened,
		async close() {
			try {
				await opened.close();
			} finally {
				await admin(`drop database if exists "${name}" with (force)`);
			}
		}
	};
}

const backends: Array<[string, () => Promise<Database>]> = [['PGlite', () => openDatabase({})]];
if (process.env.DATABASE_URL) backends.push(['PostgreSQL', () => openUnmigratedPostgres(process.env.DATABASE_URL!)]);

describe.each(backends)('the key encryption migration on %s', (_name, open) => {
	it('encrypts the plain keys stored before (the demo key keeps working), and down decrypts them', async () => {
		const target = await open();
		try {
			const migrator = new Migrator({ db: target.db, provider: { getMigrations: async () => migrations } });
			const before = await migrator.migrateTo(previousMigration);
			expect(before.error).toBeUndefined();
			const demoKey = decodeTotpKey(DEMO_OPERATOR_TOTP_KEY)!;
			const withKey = await createUser(target.db);
			const without = await createUser(target.db);
			await target.db
				.updateTable('users')
				.set({ totp_key: demoKey, totp_enabled_at: T0 })
				.where('id', '=', withKey.id)
				.execute();

			const up = await migrator.migrateTo(MIGRATION);
			expect(up.error).toBeUndefined();
			const read = async (id: string) =>
				(await target.db.selectFrom('users').select('totp_key').where('id', '=', id).executeTakeFirstOrThrow())
					.totp_key;
			const stored = new Uint8Array((await read(withKey.id))!);
			expect(stored).toHaveLength(49);
			expect(decryptTotpKey(stored, withKey.id)).toEqual(demoKey);
			expect(await read(without.id)).toBeNull();
			const { session } = await createSession(target.db, withKey.id);
			await verifyTotpSignIn(
				target.db,
				{ userId: withKey.id, sessionId: session.id, code: codeAt(demoKey, at(30)) },
				at(30)
			);
			expect(
				(
					await target.db
						.selectFrom('sessions')
						.select('two_factor_verified')
						.where('id', '=', session.id)
						.executeTakeFirstOrThrow()
				).two_factor_verified
			).toBe(true);

			const down = await migrator.migrateTo(previousMigration);
			expect(down.error).toBeUndefined();
			expect(new Uint8Array((await read(withKey.id))!)).toEqual(demoKey);
		} finally {
			await target.close();
		}
	});
});

describe('a TOTP key stored under another encryption key', () => {
	it('refuses codes as wrong (no 500), is counted for the start-up log, and a recovery code still signs in', async () => {
		const user = await createUser(db);
		const key = generateTotpKey();
		const codes = await enableTotp(
			db,
			{ userId: user.id, sessionId: null, key: encodeTotpKey(key), code: codeAt(key, T0) },
			null,
			T0
		);
		const before = await countUnreadableTotpKeys(db);
		await db
			.updateTable('users')
			.set({ totp_key: encryptTotpKey(key, user.id, Buffer.alloc(32, 9)) })
			.where('id', '=', user.id)
			.execute();
		expect(await countUnreadableTotpKeys(db)).toBe(before + 1);
		const { session } = await createSession(db, user.id);
		await expect(
			verifyTotpSignIn(db, { userId: user.id, sessionId: session.id, code: codeAt(key, at(30)) }, at(30))
		).rejects.toBeInstanceOf(InvalidCodeError);
		await verifyRecoveryCodeSignIn(db, { userId: user.id, sessionId: session.id, code: codes[1] }, null, at(30));
		expect(await sessionVerified(session.id)).toBe(true);
		await db.updateTable('users').set({ totp_key: null, totp_enabled_at: null }).where('id', '=', user.id).execute();
	});
});
