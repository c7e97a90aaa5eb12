import type { RequestEvent } from '@sveltejs/kit';
import { error, redirect } from '@sveltejs/kit';
import * as m from '$lib/paraglide/messages';
import type { SessionUser } from '../auth/session';

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

export function requireOperator(event: RequestEvent): SessionUser {
	const user = requireUser(event);
	if (!user.isOperator) error(403, m.error_operator_only());
	return user;
}

export const isSecure = (event: RequestEvent) => event.url.protocol === 'https:';
