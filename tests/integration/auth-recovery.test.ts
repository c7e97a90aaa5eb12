// Account recovery closes every way in (issue #23 items 5, 6, 10): API tokens on reset, password
// change and sign-out everywhere; the current-password check is throttled; sign-in redirects stay on site.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import * as authService from '$lib/server/auth/service';
import { WrongPasswordError } from '$lib/server/auth/errors';
import { createApiToken, validateApiToken } from '$lib/server/auth/api-token';
import { createOneTimeToken } from '$lib/server/auth/one-time-token';
import { createSession, validateSessionToken } from '$lib/server/auth/session';
import type { Database } from '$lib/server/db/connect';
import type { DB } from '$lib/server/db';
import { RateLimitedError } from '$lib/server/errors';
import { actions as loginActions, load as loginLoad } from '../../src/routes/login/+page.server';
import { closeRuntimeDatabase, openRuntimeDatabase } from './support/runtime-database';
import { createUser, TEST_PASSWORD, TEST_PASSWORD_HASH } from '../factories';

const ORIGIN = 'http://127.0.0.1:3000';
const NEW_PASSWORD = 'a brand new passphrase';
let database: Database;
let db: Kysely<DB>;

beforeAll(async () => {
	database = await openRuntimeDatabase();
	db = database.db;
});
afterAll(() => closeRuntimeDatabase(database));

let ipCounter = 0;
function context(): authService.RequestContext {
	ipCounter += 1;
	return { ip: `127.0.1.${ipCounter}`, userAgent: 'test', origin: ORIGIN };
}

async function twoTokens(userId: string) {
	return [(await createApiToken(db, userId, 'ci')).token, (await createApiToken(db, userId, 'laptop')).token];
}

async function liveTokens(tokens: string[]) {
	const users = await Promise.all(tokens.map((token) => validateApiToken(db, token)));
	return users.filter((id) => id !== null).length;
}

async function revocationAudit(userId: string) {
	const rows = await db
		.selectFrom('audit_log')
		.select('data')
		.where('actor_id', '=', userId)
		.where('action', '=', 'user.api_tokens_revoked')
		.execute();
	return rows.map((row) => (typeof row.data === 'string' ? JSON.parse(row.data) : row.data));
}

describe('API tokens and account recovery', () => {
	it('a password reset revokes every API token, audited', async () => {
		const user = await createUser(db);
		const tokens = await twoTokens(user.id);
		const link = await createOneTimeToken(db, user.id, 'password_reset', authService.PASSWORD_RESET_LIFETIME_MS);
		await authService.resetPassword(db, link, NEW_PASSWORD, '192.0.2.9');
		expect(await liveTokens(tokens)).toBe(0);
		expect(await revocationAudit(user.id)).toEqual([{ count: 2, reason: 'password_reset' }]);
	});

	it('a password change revokes them only when asked', async () => {
		const kept = await createUser(db);
		const keptTokens = await twoTokens(kept.id);
		await authService.changePassword(
			db,
			kept.id,
			{ currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD, revokeApiTokens: false },
			context()
		);
		expect(await liveTokens(keptTokens)).toBe(2);
		expect(await revocationAudit(kept.id)).toEqual([]);

		const revoked = await createUser(db);
		const revokedTokens = await twoTokens(revoked.id);
		const other = await createApiToken(db, kept.id, 'someone else');
		await authService.changePassword(
			db,
			revoked.id,
			{ currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD, revokeApiTokens: true },
			context()
		);
		expect(await liveTokens(revokedTokens)).toBe(0);
		expect(await liveTokens([other.token])).toBe(1);
		expect(await revocationAudit(revoked.id)).toEqual([{ count: 2, reason: 'password_changed' }]);
	});

	it('a failed password change revokes nothing', async () => {
		const user = await createUser(db);
		const tokens = await twoTokens(user.id);
		await expect(
			authService.changePassword(
				db,
				user.id,
				{ currentPassword: 'wrong password', newPassword: NEW_PASSWORD, revokeApiTokens: true },
				context()
			)
		).rejects.toBeInstanceOf(WrongPasswordError);
		expect(await liveTokens(tokens)).toBe(2);
	});

	it('sign-out everywhere ends every session, and the tokens when asked', async () => {
		const user = await createUser(db);
		const tokens = await twoTokens(user.id);
		const sessions = [await createSession(db, user.id), await createSession(db, user.id)];
		await authService.signOutEverywhere(db, user.id, { revokeApiTokens: false }, null);
		for (const { token } of sessions) expect((await validateSessionToken(db, token)).session).toBeNull();
		expect(await liveTokens(tokens)).toBe(2);

		await authService.signOutEverywhere(db, user.id, { revokeApiTokens: true }, null);
		expect(await liveTokens(tokens)).toBe(0);
		expect(await revocationAudit(user.id)).toEqual([{ count: 2, reason: 'signed_out_everywhere' }]);
		const actions = await db
			.selectFrom('audit_log')
			.select('action')
			.where('actor_id', '=', user.id)
			.where('action', '=', 'user.signed_out_everywhere')
			.execute();
		expect(actions).toHaveLength(2);
	});
});

describe('current-password check on password change', () => {
	const change = (userId: string, currentPassword: string) =>
		authService.changePassword(db, userId, { currentPassword, newPassword: NEW_PASSWORD }, context());

	it('is throttled after 5 failures, even with the right password afterwards', async () => {
		const user = await createUser(db);
		for (let i = 0; i < 5; i++) await expect(change(user.id, `guess ${i}`)).rejects.toBeInstanceOf(WrongPasswordError);
		const refused = await change(user.id, TEST_PASSWORD).catch((error: unknown) => error);
		expect(refused).toBeInstanceOf(RateLimitedError);
		expect((refused as RateLimitedError).retryAfterSeconds).toBeGreaterThan(0);
		const row = await db
			.selectFrom('users')
			.select('password_hash')
			.where('id', '=', user.id)
			.executeTakeFirstOrThrow();
		expect(row.password_hash).toBe(TEST_PASSWORD_HASH);
		// Another account is not affected.
		const other = await createUser(db);
		await expect(change(other.id, TEST_PASSWORD)).resolves.toMatchObject({ token: expect.any(String) });
	});

	it('forgets earlier failures after a success', async () => {
		const user = await createUser(db);
		for (let i = 0; i < 4; i++) await expect(change(user.id, `guess ${i}`)).rejects.toBeInstanceOf(WrongPasswordError);
		await change(user.id, TEST_PASSWORD);
		for (let i = 0; i < 4; i++) await expect(change(user.id, `guess ${i}`)).rejects.toBeInstanceOf(WrongPasswordError);
		await expect(change(user.id, NEW_PASSWORD)).resolves.toMatchObject({ token: expect.any(String) });
	});
});

/** Runs a load or action and returns where it redirected (SvelteKit throws a Redirect). */
async function redirectOf(run: () => unknown): Promise<string> {
	try {
		await run();
	} catch (thrown) {
		if (thrown && typeof thrown === 'object' && 'location' in thrown) return String(thrown.location);
		throw thrown;
	}
	throw new Error('no redirect');
}

function loginEvent(next: string, user: { id: string } | null = null) {
	const url = new URL(`/login?next=${encodeURIComponent(next)}`, ORIGIN);
	return { url, locals: { user } } as never;
}

function signInEvent(email: string, next: string) {
	const url = new URL('/login', ORIGIN);
	const body = new URLSearchParams({ email, password: TEST_PASSWORD, next });
	const request = new Request(url, {
		method: 'POST',
		body,
		headers: { 'content-type': 'application/x-www-form-urlencoded' }
	});
	const cookies = { set: () => {}, delete: () => {}, get: () => undefined };
	return {
		url,
		request,
		cookies,
		setHeaders: () => {},
		locals: { user: null },
		getClientAddress: () => `192.0.2.${++ipCounter % 250}`
	} as never;
}

describe('redirect after sign-in', () => {
	const hostile = [
		'/\t/evil.example',
		'/%09/evil.example',
		'//evil.example',
		'/\\evil.example',
		'/.//evil.example',
		'/\r\nset-cookie: a=b',
		'/%E0%A4%A',
		'https://evil.example/'
	];

	it('a signed-in visitor of /login?next=… goes to a path on this site only', async () => {
		const user = await createUser(db);
		for (const next of hostile) expect(await redirectOf(() => loginLoad(loginEvent(next, user)))).toBe('/');
		expect(await redirectOf(() => loginLoad(loginEvent('/testbed?kind=space', user)))).toBe('/testbed?kind=space');
		// Signed out, the form carries only a safe target.
		for (const next of hostile) expect(await loginLoad(loginEvent(next))).toEqual({ next: '' });
	});

	it('a form sign-in with a hostile next lands on the home page', async () => {
		const user = await createUser(db);
		for (const next of hostile)
			expect(await redirectOf(() => loginActions.default(signInEvent(user.email, next)))).toBe('/');
		expect(await redirectOf(() => loginActions.default(signInEvent(user.email, '/ir/한국')))).toBe(
			'/ir/%ED%95%9C%EA%B5%AD'
		);
	});
});
