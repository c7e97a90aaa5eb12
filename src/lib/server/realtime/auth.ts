// Socket authentication: the same session cookie as the pages; refused clients get a clear connect_error.
import type { Kysely } from 'kysely';
import type { Socket } from 'socket.io';
import type { DB } from '../db';
import { SESSION_COOKIE, validateSessionToken, type SessionUser } from '../auth/session';
import * as m from '$lib/paraglide/messages';

export type SocketData = { user: SessionUser };

function readCookie(header: string | undefined, name: string): string | undefined {
	for (const part of header?.split(';') ?? []) {
		const [key, ...value] = part.trim().split('=');
		if (key === name) return decodeURIComponent(value.join('='));
	}
	return undefined;
}

function localeOf(header: string | undefined): 'ko' | 'en' {
	return readCookie(header, 'PARAGLIDE_LOCALE') === 'en' ? 'en' : 'ko';
}

export class SocketAuthError extends Error {
	data: { code: string; message: string };
	constructor(message: string) {
		super(message);
		this.data = { code: 'unauthenticated', message };
	}
}

export function authenticateSocket(db: Kysely<DB>) {
	return async (socket: Socket, next: (error?: Error) => void) => {
		const cookie = socket.handshake.headers.cookie;
		const token = readCookie(cookie, SESSION_COOKIE);
		const { user } = token ? await validateSessionToken(db, token) : { user: null };
		if (!user) {
			const message = m.error_unauthenticated({}, { locale: localeOf(cookie) });
			return next(new SocketAuthError(message));
		}
		socket.data.user = user;
		next();
	};
}
