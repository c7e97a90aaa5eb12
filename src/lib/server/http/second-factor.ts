// Answers a request that needs a second factor the session has not passed: pages go to Settings →
// Security to set one up; anything else (form actions, API calls) is refused with 403.
import { error, json, redirect, type RequestEvent } from '@sveltejs/kit';
import * as m from '$lib/paraglide/messages';
/** Where an account enrols its second factor (Settings → Security). */
export const ENROL_PATH = '/settings/security';

export const ENROL_URL = `${ENROL_PATH}?required=1`;

/** For hooks: a Response (redirect or 403) without running the route. */
export function refuseWithoutSecondFactor(event: RequestEvent, locale: 'ko' | 'en'): Response {
	const method = event.request.method;
	if (method === 'GET' || method === 'HEAD')
		return new Response(null, { status: 303, headers: { location: ENROL_URL } });
	const message = m.security_error_second_factor_required({}, { locale });
	if (event.url.pathname.startsWith('/api/') || event.request.headers.get('accept')?.includes('application/json')) {
		return json({ error: { code: 'security_second_factor_required', message } }, { status: 403 });
	}
	return new Response(message, { status: 403, headers: { 'content-type': 'text/plain; charset=utf-8' } });
}

/** For loads and actions: throws the same answer SvelteKit's way. */
export function throwWithoutSecondFactor(event: RequestEvent): never {
	const method = event.request.method;
	if (method === 'GET' || method === 'HEAD') redirect(303, ENROL_URL);
	error(403, m.security_error_second_factor_required());
}

/**
 * A bearer token of someone an organisation requires two-step verification of, whose account has none:
 * refused on every API request (the problem shape of the API), in the user's language.
 */
export function refuseBearerWithoutSecondFactor(locale: 'ko' | 'en'): Response {
	return json(
		{
			error: {
				code: 'auth2_org_second_factor_required',
				message: m.auth2_error_org_second_factor_required({}, { locale }),
				link: ENROL_PATH
			}
		},
		{ status: 403 }
	);
}
