// Socket authentication: the same session cookie as the pages; refused clients get a clear
// connect_error. Nothing a client sends here may throw past this middleware: it runs outside
// SvelteKit's request handler, where an uncaught error or rejection stops the whole process.
import { parse as parseCookies } from 'cookie';
import type { Kysely } from 'kysely';
import type { Socket } from 'socket.io';
import type { DB } from '../db';
import type { Logger } from '../logger';
import { SESSION_COOKIE, validateSessionToken, type SessionUser } from './session';
import * as m from '$lib/paraglide/messages';
import { sessionRoom, userRoom } from '../realtime/rooms';
import type { SocketData } from '../realtime/socket-data';

export type { SocketData };

/** The request's cookies; a malformed header (bad %-escapes, say) yields what could be read, never a throw. */
export function readCookies(header: string | undefined): Record<string, string | undefined> {
	if (!header) return {};
	try {
		// `cookie` keeps a value it cannot URI-decode as it is, instead of throwing as decodeURIComponent does.
		return parseCookies(header);
	} catch {
		return {};
	}
}

function localeOf(cookies: Record<string, string | undefined>): 'ko' | 'en' {
	return cookies.PARAGLIDE_LOCALE === 'en' ? 'en' : 'ko';
}

export class SocketAuthError extends Error {
	data: { code: string; message: string };
	constructor(message: string, code: 'unauthenticated' | 'unavailable' = 'unauthenticated') {
		super(message);
		this.data = { code, message };
	}
}

export function authenticateSocket(db: Kysely<DB>, logger?: Pick<Logger, 'warn'>) {
	return async (socket: Socket, next: (error?: Error) => void) => {
		const cookies = readCookies(socket.handshake.headers.cookie);
		const locale = localeOf(cookies);
		const token = cookies[SESSION_COOKIE];
		let refusal: SocketAuthError | undefined;
		try {
			const { user, session, twoFactor } = token
				? await validateSessionToken(db, token)
				: { user: null, session: null, twoFactor: null };
			// A session that still owes its second step (TOTP or passkey) is not signed in yet.
			if (!user || (twoFactor.enrolled && !session.twoFactorVerified))
				refusal = new SocketAuthError(m.error_unauthenticated({}, { locale }));
			else {
				socket.data.user = user;
				socket.data.sessionId = session.id;
				// Joined before the connection is accepted, so a sign-out announced from now on reaches it.
				await socket.join([userRoom(user.id), sessionRoom(session.id)]);
			}
		} catch (error) {
			// The database is down or failing: the browser's socket.io client retries on its own.
			logger?.warn({ err: error, socketId: socket.id }, 'socket authentication failed');
			refusal = new SocketAuthError(m.error_service_unavailable({}, { locale }), 'unavailable');
		}
		// Outside the try: whatever the connection handlers do must not be answered a second time.
		next(refusal);
	};
}
