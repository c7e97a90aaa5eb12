// Sessions after lucia-auth.com's guide: `<id>.<secret>` tokens, hashed secrets, 30-day sliding expiry.
import type { Cookies } from '@sveltejs/kit';
import type { Executor } from '../db';
import { issueToken, parseToken, secretMatches } from './token';
import { announceSessionsEnded } from '../realtime/session-ends';

export const SESSION_COOKIE = 'mc_session';
const DAY_MS = 24 * 60 * 60 * 1000;
export const SESSION_LIFETIME_MS = 30 * DAY_MS;
const RENEW_WHEN_LEFT_MS = 15 * DAY_MS;

export type SessionUser = {
	id: string;
	email: string;
	name: string;
	locale: 'ko' | 'en';
	timeZone: string;
	isOperator: boolean;
	emailVerified: boolean;
};

/** `twoFactorVerified`: the session passed a second factor (TOTP, a recovery code, or a passkey). */
export type Session = { id: string; userId: string; expiresAt: Date; twoFactorVerified: boolean };
/**
 * The user's second factor: `enrolled` (TOTP on or a passkey registered: a password sign-in owes its
 * second step), `requiredByOrg` (an organisation of theirs demands one).
 */
export type TwoFactorStatus = { enrolled: boolean; requiredByOrg: boolean };
export type SessionValidation =
	{ session: Session; user: SessionUser; twoFactor: TwoFactorStatus } | { session: null; user: null; twoFactor: null };

// last_used_at is "approximate": written at most this often, so reads do not all become writes.
const TOUCH_AFTER_MS = 5 * 60 * 1000;

export async function createSession(
	db: Executor,
	userId: string,
	context: { ip?: string | null; userAgent?: string | null; twoFactorVerified?: boolean } = {},
	now = new Date()
): Promise<{ token: string; session: Session }> {
	const twoFactorVerified = context.twoFactorVerified ?? false;
	const { id, token, secretHash } = issueToken();
	const expiresAt = new Date(now.getTime() + SESSION_LIFETIME_MS);
	await db
		.insertInto('sessions')
		.values({
			id,
			secret_hash: secretHash,
			user_id: userId,
			expires_at: expiresAt,
			ip: context.ip ?? null,
			user_agent: context.userAgent?.slice(0, 300) ?? null,
			two_factor_verified: twoFactorVerified,
			last_used_at: now
		})
		.execute();
	return { token, session: { id, userId, expiresAt, twoFactorVerified } };
}

export async function validateSessionToken(db: Executor, token: string, now = new Date()): Promise<SessionValidation> {
	const none = { session: null, user: null, twoFactor: null } as const;
	const parsed = parseToken(token);
	if (!parsed) return none;
	const row = await db
		.selectFrom('sessions')
		.innerJoin('users', 'users.id', 'sessions.user_id')
		.select([
			'sessions.id',
			'sessions.secret_hash',
			'sessions.expires_at',
			'users.id as user_id',
			'users.email',
			'users.name',
			'users.locale',
			'users.time_zone',
			'users.is_operator',
			'users.email_verified_at',
			'users.disabled_at',
			'sessions.two_factor_verified',
			'sessions.last_used_at',
			'users.totp_enabled_at'
		])
		.select((eb) =>
			eb
				.exists(
					eb
						.selectFrom('memberships')
						.innerJoin('organizations', 'organizations.id', 'memberships.org_id')
						.select('memberships.user_id')
						.whereRef('memberships.user_id', '=', 'users.id')
						.where('organizations.require_two_factor', '=', true)
				)
				.as('org_requires_two_factor')
		)
		.select((eb) =>
			eb
				.exists(eb.selectFrom('passkeys').select('passkeys.id').whereRef('passkeys.user_id', '=', 'users.id'))
				.as('has_passkey')
		)
		.where('sessions.id', '=', parsed.id)
		.executeTakeFirst();
	if (!row || !secretMatches(parsed.secret, row.secret_hash)) return none;
	if (row.expires_at.getTime() <= now.getTime() || row.disabled_at) {
		await invalidateSession(db, row.id);
		return none;
	}
	let expiresAt = row.expires_at;
	const renew = expiresAt.getTime() - now.getTime() < RENEW_WHEN_LEFT_MS;
	if (renew) expiresAt = new Date(now.getTime() + SESSION_LIFETIME_MS);
	if (renew || now.getTime() - row.last_used_at.getTime() > TOUCH_AFTER_MS) {
		await db
			.updateTable('sessions')
			.set({ expires_at: expiresAt, last_used_at: now })
			.where('id', '=', row.id)
			.execute();
	}
	return {
		twoFactor: {
			enrolled: row.totp_enabled_at !== null || Boolean(row.has_passkey),
			requiredByOrg: Boolean(row.org_requires_two_factor)
		},
		session: { id: row.id, userId: row.user_id, expiresAt, twoFactorVerified: row.two_factor_verified },
		user: {
			id: row.user_id,
			email: row.email,
			name: row.name,
			locale: row.locale,
			timeZone: row.time_zone,
			isOperator: row.is_operator,
			emailVerified: row.email_verified_at !== null
		}
	};
}

export async function invalidateSession(db: Executor, sessionId: string): Promise<void> {
	await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
	await announceSessionsEnded(db, { sessionId });
}

export async function invalidateUserSessions(db: Executor, userId: string): Promise<void> {
	await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
	// Sign-out everywhere, a password change or reset, disabling: the user's open sockets close too.
	await announceSessionsEnded(db, { userId });
}

export function setSessionCookie(cookies: Cookies, token: string, expiresAt: Date, secure: boolean) {
	cookies.set(SESSION_COOKIE, token, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure,
		expires: expiresAt
	});
}

export function deleteSessionCookie(cookies: Cookies, secure: boolean) {
	cookies.delete(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure });
}
