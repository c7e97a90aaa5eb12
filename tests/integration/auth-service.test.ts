import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, type Kysely } from 'kysely';
import * as authService from '$lib/server/auth/service';
import {
	AccountDisabledError,
	EmailTakenError,
	InvalidCredentialsError,
	TokenExpiredError,
	TokenInvalidError,
	WrongPasswordError
} from '$lib/server/auth/errors';
import { createSession, validateSessionToken } from '$lib/server/auth/session';
import type { Database } from '$lib/server/db/connect';
import type { DB } from '$lib/server/db';
import { RateLimitedError } from '$lib/server/errors';
import { createTestDatabase } from './support/database';
import { createUser, TEST_PASSWORD, uniqueEmail } from '../factories';

const ORIGIN = 'http://127.0.0.1:3000';
const NEW_PASSWORD = 'a brand new passphrase';
const NO_OPTIONAL_CONSENT = { marketing_email: false, profile_listing: false };

let database: Database;
let db: Kysely<DB>;

beforeAll(async () => {
	database = await createTestDatabase();
	db = database.db;
});
afterAll(() => database.close());

let ipCounter = 0;
/** A request from its own address, so per-IP limits of one test never spill into another. */
function context(): authService.RequestContext {
	ipCounter += 1;
	return { ip: `127.0.0.${ipCounter}`, userAgent: 'test', origin: ORIGIN };
}

/** The token of the newest e-mail to `to` that links to `/<path>/<token>`. */
async function linkToken(to: string, path: 'verify-email' | 'reset-password'): Promise<string> {
	const emails = await db
		.selectFrom('email_outbox')
		.select('body_text')
		.where(sql`lower(to_address)`, '=', to.toLowerCase())
		.orderBy('created_at', 'desc')
		.execute();
	const pattern = new RegExp(`${ORIGIN}/${path}/([a-z0-9_]+\\.[a-z2-7]+)`);
	for (const { body_text } of emails) {
		const match = pattern.exec(body_text);
		if (match) return match[1];
	}
	throw new Error(`No /${path}/ e-mail to ${to}`);
}

/** Row counts of every table an account flow writes to. */
async function tableCounts() {
	const tables = ['users', 'sessions', 'one_time_tokens', 'audit_log', 'email_outbox'] as const;
	const counts: Record<string, number> = {};
	for (const table of tables) {
		const row = await db
			.selectFrom(table)
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.executeTakeFirstOrThrow();
		counts[table] = Number(row.n);
	}
	return counts;
}

/** Moves a user's one-time tokens `ms` into the past, as if that much time had gone by. */
async function ageTokens(userId: string, ms: number) {
	const interval = `${ms} milliseconds`;
	await sql`
		update one_time_tokens
		set expires_at = expires_at - ${interval}::interval, created_at = created_at - ${interval}::interval
		where user_id = ${userId}`.execute(db);
}

function auditActions(userId: string) {
	return db
		.selectFrom('audit_log')
		.select('action')
		.where('entity_id', '=', userId)
		.orderBy('id')
		.execute()
		.then((rows) => rows.map((r) => r.action));
}

async function signUp(email = uniqueEmail('signup')) {
	return authService.signUp(
		db,
		{ email, password: TEST_PASSWORD, name: 'Kim Min-ji', locale: 'en', consent: NO_OPTIONAL_CONSENT },
		context()
	);
}

describe('signUp', () => {
	it('creates the user, a session, an audit row and a verification e-mail', async () => {
		const email = uniqueEmail('Signup');
		const result = await signUp(email);
		expect(result.user).toMatchObject({
			email,
			name: 'Kim Min-ji',
			locale: 'en',
			email_verified_at: null,
			is_operator: false
		});
		expect(result.user.password_hash).toMatch(/^\$argon2id\$/);

		const validated = await validateSessionToken(db, result.token);
		expect(validated.user?.id).toBe(result.user.id);
		expect(validated.user?.emailVerified).toBe(false);

		const outbox = await db.selectFrom('email_outbox').selectAll().where('to_address', '=', email).execute();
		expect(outbox).toHaveLength(1);
		expect(outbox[0].subject).toContain('confirm your e-mail');
		expect(outbox[0].body_text).toContain('Kim Min-ji');
		expect(outbox[0].body_text).toMatch(new RegExp(`${ORIGIN}/verify-email/[a-z0-9]+\\.[a-z2-7]+`));
		expect(outbox[0].status).toBe('kept');
		expect(await auditActions(result.user.id)).toEqual(['user.sign_up']);
	});

	it('refuses a taken e-mail in any letter case and writes nothing', async () => {
		const email = uniqueEmail('taken');
		await signUp(email);
		const before = await tableCounts();
		await expect(signUp(email.toUpperCase())).rejects.toBeInstanceOf(EmailTakenError);
		await expect(signUp(email)).rejects.toBeInstanceOf(EmailTakenError);
		expect(await tableCounts()).toEqual(before);
	});

	it('limits sign-ups per IP address', async () => {
		const sameIp = context();
		for (let i = 0; i < 10; i++) {
			await authService.signUp(
				db,
				{
					email: uniqueEmail('burst'),
					password: TEST_PASSWORD,
					name: 'Burst',
					locale: 'ko',
					consent: NO_OPTIONAL_CONSENT
				},
				sameIp
			);
		}
		const before = await tableCounts();
		const eleventh = authService.signUp(
			db,
			{
				email: uniqueEmail('burst'),
				password: TEST_PASSWORD,
				name: 'Burst',
				locale: 'ko',
				consent: NO_OPTIONAL_CONSENT
			},
			sameIp
		);
		await expect(eleventh).rejects.toBeInstanceOf(RateLimitedError);
		expect(await tableCounts()).toEqual(before);
	});
});

describe('verifyEmail', () => {
	it('verifies with the token from the e-mail exactly once', async () => {
		const { user } = await signUp();
		const token = await linkToken(user.email, 'verify-email');

		const verified = await authService.verifyEmail(db, token, '127.0.0.1');
		expect(verified.id).toBe(user.id);
		expect(verified.email_verified_at).toBeInstanceOf(Date);
		expect(await auditActions(user.id)).toEqual(['user.sign_up', 'user.email_verified']);

		await expect(authService.verifyEmail(db, token, '127.0.0.1')).rejects.toBeInstanceOf(TokenInvalidError);
		expect(await auditActions(user.id)).toEqual(['user.sign_up', 'user.email_verified']);
	});

	it('refuses an expired token and leaves the address unverified', async () => {
		const { user } = await signUp();
		const token = await linkToken(user.email, 'verify-email');
		await ageTokens(user.id, authService.EMAIL_VERIFICATION_LIFETIME_MS + 1000);

		await expect(authService.verifyEmail(db, token, null)).rejects.toBeInstanceOf(TokenExpiredError);
		const row = await db
			.selectFrom('users')
			.select('email_verified_at')
			.where('id', '=', user.id)
			.executeTakeFirstOrThrow();
		expect(row.email_verified_at).toBeNull();
	});

	it('refuses tampered tokens and tokens made for another purpose', async () => {
		const { user } = await signUp();
		const token = await linkToken(user.email, 'verify-email');
		const tampered = token.slice(0, -1) + (token.endsWith('a') ? 'b' : 'a');
		await expect(authService.verifyEmail(db, tampered, null)).rejects.toBeInstanceOf(TokenInvalidError);
		await expect(authService.verifyEmail(db, 'not-a-token', null)).rejects.toBeInstanceOf(TokenInvalidError);

		await authService.requestPasswordReset(db, user.email, context());
		const resetToken = await linkToken(user.email, 'reset-password');
		await expect(authService.verifyEmail(db, resetToken, null)).rejects.toBeInstanceOf(TokenInvalidError);
		// The genuine link still works after those attempts.
		expect((await authService.verifyEmail(db, token, null)).email_verified_at).toBeInstanceOf(Date);
	});

	it('invalidates the older link when a new one is sent', async () => {
		const { user } = await signUp();
		const first = await linkToken(user.email, 'verify-email');
		await authService.resendVerificationEmail(db, user.id, ORIGIN);
		const second = await linkToken(user.email, 'verify-email');
		expect(second).not.toBe(first);
		await expect(authService.verifyEmail(db, first, null)).rejects.toBeInstanceOf(TokenInvalidError);
		expect((await authService.verifyEmail(db, second, null)).id).toBe(user.id);
	});
});

describe('signIn', () => {
	it('signs in with the right password, in any letter case of the e-mail', async () => {
		const user = await createUser(db);
		const {
			session,
			token,
			user: signedIn
		} = await authService.signIn(db, { email: user.email.toUpperCase(), password: TEST_PASSWORD }, context());
		expect(signedIn.id).toBe(user.id);
		expect(session.userId).toBe(user.id);
		expect((await validateSessionToken(db, token)).user?.id).toBe(user.id);
	});

	it('refuses a wrong password and an unknown e-mail alike, creating no session', async () => {
		const user = await createUser(db);
		await expect(
			authService.signIn(db, { email: user.email, password: 'wrong password!' }, context())
		).rejects.toBeInstanceOf(InvalidCredentialsError);
		await expect(
			authService.signIn(db, { email: uniqueEmail('nobody'), password: TEST_PASSWORD }, context())
		).rejects.toBeInstanceOf(InvalidCredentialsError);
		const sessions = await db.selectFrom('sessions').select('id').where('user_id', '=', user.id).execute();
		expect(sessions).toEqual([]);
	});

	it('throttles an account after 5 failures, even with the right password and from another IP', async () => {
		const user = await createUser(db);
		for (let i = 0; i < 5; i++) {
			await expect(
				authService.signIn(db, { email: user.email, password: `wrong password ${i}` }, context())
			).rejects.toBeInstanceOf(InvalidCredentialsError);
		}
		const sixth = authService.signIn(db, { email: user.email.toUpperCase(), password: TEST_PASSWORD }, context());
		const error = await sixth.then(
			() => null,
			(e: unknown) => e
		);
		expect(error).toBeInstanceOf(RateLimitedError);
		expect((error as RateLimitedError).retryAfterSeconds).toBeGreaterThan(0);
		const sessions = await db.selectFrom('sessions').select('id').where('user_id', '=', user.id).execute();
		expect(sessions).toEqual([]);
	});

	it('resets the failure count after a successful sign-in', async () => {
		const user = await createUser(db);
		for (let round = 0; round < 2; round++) {
			for (let i = 0; i < 4; i++) {
				await expect(
					authService.signIn(db, { email: user.email, password: 'wrong password' }, context())
				).rejects.toBeInstanceOf(InvalidCredentialsError);
			}
			await authService.signIn(db, { email: user.email, password: TEST_PASSWORD }, context());
		}
	});

	it('refuses a disabled account', async () => {
		const user = await createUser(db, { disabled_at: new Date() });
		await expect(
			authService.signIn(db, { email: user.email, password: TEST_PASSWORD }, context())
		).rejects.toBeInstanceOf(AccountDisabledError);
		const sessions = await db.selectFrom('sessions').select('id').where('user_id', '=', user.id).execute();
		expect(sessions).toEqual([]);
	});
});

describe('password reset', () => {
	it('resets with the link from the e-mail once, and signs out every session', async () => {
		const user = await createUser(db, { email_verified_at: null });
		const sessions = [await createSession(db, user.id), await createSession(db, user.id)];

		await authService.requestPasswordReset(db, user.email.toUpperCase(), context());
		const token = await linkToken(user.email, 'reset-password');
		await authService.resetPassword(db, token, NEW_PASSWORD, '127.0.0.1');

		for (const { token: sessionToken } of sessions) {
			expect((await validateSessionToken(db, sessionToken)).session).toBeNull();
		}
		const row = await db
			.selectFrom('users')
			.select('email_verified_at')
			.where('id', '=', user.id)
			.executeTakeFirstOrThrow();
		expect(row.email_verified_at).toBeInstanceOf(Date);
		expect(await auditActions(user.id)).toEqual(['user.password_reset']);

		await expect(
			authService.signIn(db, { email: user.email, password: TEST_PASSWORD }, context())
		).rejects.toBeInstanceOf(InvalidCredentialsError);
		expect((await authService.signIn(db, { email: user.email, password: NEW_PASSWORD }, context())).user.id).toBe(
			user.id
		);

		await expect(authService.resetPassword(db, token, 'yet another passphrase', null)).rejects.toBeInstanceOf(
			TokenInvalidError
		);
		expect((await authService.signIn(db, { email: user.email, password: NEW_PASSWORD }, context())).user.id).toBe(
			user.id
		);
	});

	it('accepts a link for one hour and refuses it after', async () => {
		const user = await createUser(db);
		await authService.requestPasswordReset(db, user.email, context());
		const token = await linkToken(user.email, 'reset-password');
		const row = await db
			.selectFrom('one_time_tokens')
			.select(['created_at', 'expires_at'])
			.where('id', '=', token.split('.')[0])
			.executeTakeFirstOrThrow();
		const lifetime = row.expires_at.getTime() - row.created_at.getTime();
		expect(Math.abs(lifetime - authService.PASSWORD_RESET_LIFETIME_MS)).toBeLessThan(5000);
		expect(authService.PASSWORD_RESET_LIFETIME_MS).toBe(60 * 60 * 1000);

		await ageTokens(user.id, 59 * 60 * 1000);
		await authService.resetPassword(db, token, NEW_PASSWORD, null);

		await authService.requestPasswordReset(db, user.email, context());
		const late = await linkToken(user.email, 'reset-password');
		expect(late).not.toBe(token);
		await ageTokens(user.id, 61 * 60 * 1000);
		await expect(authService.resetPassword(db, late, 'too late passphrase', null)).rejects.toBeInstanceOf(
			TokenExpiredError
		);
		await expect(
			authService.signIn(db, { email: user.email, password: 'too late passphrase' }, context())
		).rejects.toBeInstanceOf(InvalidCredentialsError);
	});

	it('sends nothing for an unknown or disabled account', async () => {
		const disabled = await createUser(db, { disabled_at: new Date() });
		const unknown = uniqueEmail('ghost');
		await authService.requestPasswordReset(db, unknown, context());
		await authService.requestPasswordReset(db, disabled.email, context());
		const emails = await db
			.selectFrom('email_outbox')
			.select('id')
			.where('to_address', 'in', [unknown, disabled.email])
			.execute();
		expect(emails).toEqual([]);
	});
});

describe('account settings', () => {
	it('changes the password only with the current one, ending the other sessions', async () => {
		const user = await createUser(db);
		const other = await createSession(db, user.id);
		const change = (currentPassword: string) =>
			authService.changePassword(db, user.id, { currentPassword, newPassword: NEW_PASSWORD }, context());

		await expect(change('not my password')).rejects.toBeInstanceOf(WrongPasswordError);
		expect((await validateSessionToken(db, other.token)).session).not.toBeNull();

		const { token } = await change(TEST_PASSWORD);
		expect((await validateSessionToken(db, other.token)).session).toBeNull();
		expect((await validateSessionToken(db, token)).user?.id).toBe(user.id);
		expect((await authService.signIn(db, { email: user.email, password: NEW_PASSWORD }, context())).user.id).toBe(
			user.id
		);
		expect(await auditActions(user.id)).toEqual(['user.password_changed']);
	});

	it('disabling an account ends its sessions and is audited; enabling lets it sign in again', async () => {
		const operator = await createUser(db, { is_operator: true });
		const user = await createUser(db);
		const { token } = await createSession(db, user.id);

		await authService.setUserDisabled(db, operator.id, user.id, true, '127.0.0.1');
		expect((await validateSessionToken(db, token)).session).toBeNull();
		await expect(
			authService.signIn(db, { email: user.email, password: TEST_PASSWORD }, context())
		).rejects.toBeInstanceOf(AccountDisabledError);

		await authService.setUserDisabled(db, operator.id, user.id, false, '127.0.0.1');
		expect((await authService.signIn(db, { email: user.email, password: TEST_PASSWORD }, context())).user.id).toBe(
			user.id
		);
		const audit = await db
			.selectFrom('audit_log')
			.select(['action', 'actor_id'])
			.where('entity_id', '=', user.id)
			.orderBy('id')
			.execute();
		expect(audit).toEqual([
			{ action: 'user.disabled', actor_id: operator.id },
			{ action: 'user.enabled', actor_id: operator.id }
		]);
	});
});
