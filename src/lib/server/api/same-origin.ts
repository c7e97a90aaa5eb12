// CSRF for the JSON API: SvelteKit checks the origin of form posts only, so a bodyless or
// text/plain-less POST from another site with the session cookie would pass. Writes that rest on
// the cookie must come from this origin; bearer tokens are not sent by browsers on their own.
import type { RequestEvent } from '@sveltejs/kit';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** True for a cookie-authenticated write whose origin is not this site (or cannot be told). */
export function isCrossSiteCookieWrite(event: Pick<RequestEvent, 'request' | 'url' | 'locals'>): boolean {
	if (SAFE_METHODS.has(event.request.method) || event.locals.authVia !== 'cookie') return false;
	// event.url.origin is what adapter-node derives from ORIGIN or PROTOCOL_HEADER/HOST_HEADER behind a proxy.
	const origin = event.request.headers.get('origin');
	if (origin !== null) return origin !== event.url.origin;
	return event.request.headers.get('sec-fetch-site') !== 'same-origin';
}
