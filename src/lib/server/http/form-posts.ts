// Form actions take form bodies only. SvelteKit answers any other content type by throwing a 415,
// which reaches handleError as an unexpected error (logged at error level). A wrong content type is
// the client's mistake, so it is refused here first: 400, a readable message, logged at info.
// Routes with a +server.ts are endpoints with their own body rules (a JSON POST is theirs to take).
import { json, type Handle, type RequestEvent } from '@sveltejs/kit';
import * as m from '$lib/paraglide/messages';

// What SvelteKit's is_form_content_type accepts (its binary type serves remote forms).
const FORM_TYPES = new Set([
	'application/x-www-form-urlencoded',
	'multipart/form-data',
	'text/plain',
	'application/x-sveltekit-formdata'
]);

/** Route ids of every +server.ts (known at build time; the modules themselves are not loaded). */
const ENDPOINT_ROUTES = new Set(
	Object.keys(import.meta.glob('/src/routes/**/+server.ts')).map(
		(file) => file.slice('/src/routes'.length, -'/+server.ts'.length) || '/'
	)
);

export function isNonFormActionPost(
	event: Pick<RequestEvent, 'request' | 'url' | 'route' | 'isRemoteRequest'>
): boolean {
	if (
		event.request.method !== 'POST' ||
		event.route.id === null ||
		event.isRemoteRequest ||
		event.url.pathname.startsWith('/api/')
	)
		return false;
	if (ENDPOINT_ROUTES.has(event.route.id)) return false;
	const type = event.request.headers.get('content-type')?.split(';', 1)[0].trim().toLowerCase() ?? '';
	return !FORM_TYPES.has(type);
}

export const refuseNonFormActionPosts: Handle = ({ event, resolve }) => {
	if (!isNonFormActionPost(event)) return resolve(event);
	event.locals.log.info(
		{ path: event.url.pathname, contentType: event.request.headers.get('content-type') },
		'form post without form data'
	);
	const message = m.error_form_content_type();
	// use:enhance reads an action result; anything else gets the message as text.
	if (event.request.headers.get('accept')?.includes('application/json'))
		return json({ type: 'error', error: { message } }, { status: 400 });
	return new Response(message, { status: 400, headers: { 'content-type': 'text/plain; charset=utf-8' } });
};
