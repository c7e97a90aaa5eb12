import type { Session, SessionUser } from '$lib/server/auth/session';
import type { Logger } from '$lib/server/logger';

declare global {
	namespace App {
		interface Locals {
			user: SessionUser | null;
			session: Session | null;
			/** A password sign-in that still owes its second step (TOTP or passkey) (then `user` and `session` are null). */
			pendingSignIn: { session: Session; user: SessionUser } | null;
			/** How the user was identified: the session cookie, or an API bearer token. */
			authVia: 'cookie' | 'bearer' | null;
			locale: 'ko' | 'en';
			timeZone: string;
			requestId: string;
			log: Logger;
		}
		interface Error {
			message: string;
			requestId?: string;
		}
	}
}

export {};
