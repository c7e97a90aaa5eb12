// Who is asking: the session cookie (with its second-factor state) or, under /api/, a bearer token.
// A session that owes its second step (TOTP or passkey) counts as signed out; one that needs a second factor it has not
// set up is refused here, before any route runs (see auth/second-factor-gate.ts), and so is a bearer
// token of a member of an organisation that requires a second factor the account does not have.
import type { Handle } from '@sveltejs/kit';
import { getDb } from '../runtime';
import { SESSION_COOKIE, setSessionCookie, deleteSessionCookie, validateSessionToken } from './session';
import { validateApiToken } from './api-token';
import { findSessionUser } from '../users/session-user';
import { secondFactorGate } from './second-factor-gate';
import { refuseBearerWithoutSecondFactor, refuseWithoutSecondFactor } from '../http/second-factor';
import { assertOrgSecondFactorRule } from './second-factors';
import { OrgSecondFactorRequiredError } from './errors';
import { isSecure } from '../http/context';

async function orgRuleRefuses(db: ReturnType<typeof getDb>, userId: string): Promise<boolean> {
	try {
		await assertOrgSecondFactorRule(db, userId);
		return false;
	} catch (error) {
		if (error instanceof OrgSecondFactorRequiredError) return true;
		throw error;
	}
}

export const handleAuth: Handle = async ({ event, resolve }) => {
	event.locals.user = null;
	event.locals.session = null;
	event.locals.authVia = null;
	const db = getDb();
	const token = event.cookies.get(SESSION_COOKIE);
	event.locals.pendingSignIn = null;
	let refuse: 'ko' | 'en' | null = null;
	if (token) {
		const { session, user, twoFactor } = await validateSessionToken(db, token);
		if (session) {
			const gate = secondFactorGate({ pathname: event.url.pathname, session, twoFactor, isOperator: user.isOperator });
			if (gate === 'enrol') refuse = user.locale;
			// A session that still owes its second step is signed out everywhere but /login/two-factor.
			if (gate === 'pending') event.locals.pendingSignIn = { session, user };
			else {
				event.locals.user = user;
				event.locals.session = session;
				event.locals.authVia = 'cookie';
			}
			setSessionCookie(event.cookies, token, session.expiresAt, isSecure(event));
		} else {
			deleteSessionCookie(event.cookies, isSecure(event));
		}
	}
	// Answered in the user's own language: the request's locale is settled only after this hook.
	if (refuse) return refuseWithoutSecondFactor(event, refuse);
	const authorization = event.request.headers.get('authorization');
	if (!event.locals.user && authorization?.startsWith('Bearer ') && event.url.pathname.startsWith('/api/')) {
		const userId = await validateApiToken(db, authorization.slice('Bearer '.length).trim());
		const user = userId ? await findSessionUser(db, userId) : null;
		// An organisation's two-factor rule holds for tokens too: without a second factor, none works.
		if (user && (await orgRuleRefuses(db, user.id))) return refuseBearerWithoutSecondFactor(user.locale);
		if (user) {
			event.locals.user = user;
			event.locals.authVia = 'bearer';
		}
	}
	return resolve(event);
};
