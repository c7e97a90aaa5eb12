import type { RequestEvent } from '@sveltejs/kit';
import { error, redirect } from '@sveltejs/kit';
import * as m from '$lib/paraglide/messages';
import type { SessionUser } from '../auth/session';
import { throwWithoutSecondFactor } from './second-factor';

export function requestContext(event: RequestEvent) {
	let ip: string | null = null;
	try {
		ip = event.getClientAddress();
	} catch {
		ip = null;
	}
	return { ip, userAgent: event.request.headers.get('user-agent'), origin: event.url.origin };
}

/** Pages and actions: the signed-in user, or a redirect to sign-in that comes back here. */
export function requireUser(event: RequestEvent): SessionUser {
	const user = event.locals.user;
	if (!user) redirect(303, `/login?next=${encodeURIComponent(event.url.pathname + event.url.search)}`);
	return user;
}

/**
 * Every /admin load and action calls this: an operator, and (for a browser session) one that has
 * passed a second factor. hooks.server.ts refuses the same requests earlier; this is the second lock.
 */
export function requireOperator(event: RequestEvent): SessionUser {
	const user = requireUser(event);
	if (!user.isOperator) error(403, m.error_operator_only());
	if (event.locals.authVia !== 'bearer' && !event.locals.session?.twoFactorVerified) throwWithoutSecondFactor(event);
	return user;
}

export const isSecure = (event: RequestEvent) => event.url.protocol === 'https:';
