import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeHexLowerCase } from '@oslojs/encoding';
import {
	createSession,
	invalidateSession,
	invalidateUserSessions,
	SESSION_LIFETIME_MS,
	validateSessionToken
} from '$lib/server/auth/session';
import type { Database } from '$lib/server/db/connect';
import type { DB } from '$lib/server/db';
import type { Kysely } from 'kysely';
import { createTestDatabase } from './support/database';
import { createOperator, createUser } from '../factories';

const DAY_MS = 24 * 60 * 60 * 1000;

let database: Database;
let db: Kysely<DB>;

beforeAll(async () => {
	database = await createTestDatabase();
	db = database.db;
});
afterAll(() => database.close());

function sessionRow(id: string) {
	return db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The token with its secret's last character changed to another valid base32 character. */
function tamper(token: string): string {
	const last = token.at(-1) === 'a' ? 'b' : 'a';
	return token.slice(0, -1) + last;
}

describe('sessions', () => {
	it('creates a session that validates to its user', async () => {
		const user = await createUser(db, { locale: 'ko', time_zone: 'Asia/Seoul' });
		const now = new Date();
		const { token, session } = await createSession(db, user.id, { ip: '127.0.0.1', userAgent: 'test' }, now);
		expect(token).toMatch(/^[a-z0-9]+\.[a-z2-7]+$/);
		expect(session.expiresAt.getTime()).toBe(now.getTime() + SESSION_LIFETIME_MS);

		const result = await validateSessionToken(db, token, now);
		expect(result.session).toEqual({
			id: session.id,
			userId: user.id,
			expiresAt: session.expiresAt,
			twoFactorVerified: false
		});
		expect(result.twoFactor).toEqual({ enrolled: false, requiredByOrg: false });
		expect(result.user).toEqual({
			id: user.id,
			email: user.email,
			name: user.name,
			locale: 'ko',
			timeZone: 'Asia/Seoul',
			isOperator: false,
			emailVerified: true
		});
		const row = await sessionRow(session.id);
		expect(row).toMatchObject({ user_id: user.id, ip: '127.0.0.1', user_agent: 'test' });
	});

	it('reports operators and unverified e-mail addresses', async () => {
		const operator = await createOperator(db, { email_verified_at: null });
		const { token } = await createSession(db, operator.id);
		const { user } = await validateSessionToken(db, token);
		expect(user).toMatchObject({ isOperator: true, emailVerified: false });
	});

	it('rejects unknown, tampered and malformed tokens', async () => {
		const user = await createUser(db);
		const { token, session } = await createSession(db, user.id);
		const unknownId = `zzzzzzzzzzzzzzzzzzzzzzzz.${token.split('.')[1]}`;
		for (const bad of [
			unknownId,
			tamper(token),
			'',
			'garbage',
			`${token}.x`,
			token.split('.')[0],
			`${session.id}.`,
			token.toUpperCase()
		]) {
			expect(await validateSessionToken(db, bad), bad).toEqual({ session: null, user: null, twoFactor: null });
		}
		// None of those attempts harmed the real session.
		expect((await validateSessionToken(db, token)).user?.id).toBe(user.id);
	});

	it('rejects an expired session and deletes it', async () => {
		const user = await createUser(db);
		const created = new Date(Date.now() - 31 * DAY_MS);
		const { token, session } = await createSession(db, user.id, {}, created);
		expect(await sessionRow(session.id)).toBeDefined();

		expect(await validateSessionToken(db, token)).toEqual({ session: null, user: null, twoFactor: null });
		expect(await sessionRow(session.id)).toBeUndefined();
	});

	it('rejects a session exactly at its expiry time', async () => {
		const user = await createUser(db);
		const now = new Date();
		const { token, session } = await createSession(db, user.id, {}, now);
		const atExpiry = new Date(session.expiresAt.getTime());
		expect(await validateSessionToken(db, token, atExpiry)).toEqual({ session: null, user: null, twoFactor: null });
	});

	it('extends the expiry when less than half the lifetime is left (sliding renewal)', async () => {
		const user = await createUser(db);
		const created = new Date();
		const { token, session } = await createSession(db, user.id, {}, created);

		const fiveDaysLater = new Date(created.getTime() + 5 * DAY_MS);
		const early = await validateSessionToken(db, token, fiveDaysLater);
		expect(early.session?.expiresAt.getTime()).toBe(session.expiresAt.getTime());
		expect((await sessionRow(session.id))?.expires_at.getTime()).toBe(session.expiresAt.getTime());

		const twentyDaysLater = new Date(created.getTime() + 20 * DAY_MS);
		const renewed = await validateSessionToken(db, token, twentyDaysLater);
		const expected = twentyDaysLater.getTime() + SESSION_LIFETIME_MS;
		expect(renewed.session?.expiresAt.getTime()).toBe(expected);
		expect((await sessionRow(session.id))?.expires_at.getTime()).toBe(expected);

		// Renewed: still valid 40 days after creation, when the original expiry has long passed.
		const fortyDaysLater = new Date(created.getTime() + 40 * DAY_MS);
		expect((await validateSessionToken(db, token, fortyDaysLater)).user?.id).toBe(user.id);
	});

	it('invalidates one session, or all of a user', async () => {
		const user = await createUser(db);
		const other = await createUser(db);
		const first = await createSession(db, user.id);
		const second = await createSession(db, user.id);
		const third = await createSession(db, user.id);
		const others = await createSession(db, other.id);

		await invalidateSession(db, first.session.id);
		expect((await validateSessionToken(db, first.token)).session).toBeNull();
		expect((await validateSessionToken(db, second.token)).session?.id).toBe(second.session.id);

		await invalidateUserSessions(db, user.id);
		expect((await validateSessionToken(db, second.token)).session).toBeNull();
		expect((await validateSessionToken(db, third.token)).session).toBeNull();
		const remaining = await db.selectFrom('sessions').select('id').where('user_id', '=', user.id).execute();
		expect(remaining).toEqual([]);
		// Another user's session is untouched.
		expect((await validateSessionToken(db, others.token)).user?.id).toBe(other.id);
	});

	it("rejects a disabled user's session", async () => {
		const user = await createUser(db);
		const { token, session } = await createSession(db, user.id);
		await db.updateTable('users').set({ disabled_at: new Date() }).where('id', '=', user.id).execute();

		expect(await validateSessionToken(db, token)).toEqual({ session: null, user: null, twoFactor: null });
		expect(await sessionRow(session.id)).toBeUndefined();
		// Enabling the account again does not bring the session back.
		await db.updateTable('users').set({ disabled_at: null }).where('id', '=', user.id).execute();
		expect((await validateSessionToken(db, token)).session).toBeNull();
	});

	it('stores only the SHA-256 of the secret', async () => {
		const user = await createUser(db);
		const { token, session } = await createSession(db, user.id, { ip: '10.1.2.3', userAgent: 'agent' });
		const [id, secret] = token.split('.');
		expect(session.id).toBe(id);

		const row = await sessionRow(session.id);
		expect(row).toBeDefined();
		const storedHash = new Uint8Array(row!.secret_hash);
		expect(encodeHexLowerCase(storedHash)).toBe(encodeHexLowerCase(sha256(new TextEncoder().encode(secret))));
		const stored = Object.values(row!).map((value) =>
			value instanceof Uint8Array ? Buffer.from(value).toString('latin1') + encodeHexLowerCase(value) : String(value)
		);
		for (const value of stored) expect(value).not.toContain(secret);
		const raw = await db
			.selectFrom('sessions')
			.select((eb) => eb.cast<string>('secret_hash', 'text').as('text'))
			.where('id', '=', id)
			.executeTakeFirstOrThrow();
		expect(raw.text).not.toContain(secret);
	});
});
