// A database outage answers 503 in the caller's language and in the shape the caller reads: the
// JSON problem for /api, SvelteKit's own error shapes for its data and action requests, a page for
// browsers. Errors thrown by the hooks arrive here directly; errors in loads and endpoints go through
// handleError, which marks the request, and their 500 becomes a 503 on the way out.
import type { Handle, RequestEvent } from '@sveltejs/kit';
import * as m from '$lib/paraglide/messages';
import { extractLocaleFromRequest } from '$lib/paraglide/runtime';
import { isConnectionLoss } from '../db/unavailable';

const OUTAGE = Symbol.for('medcluster.databaseOutage');
const RETRY_AFTER_SECONDS = '5';

type Locale = 'ko' | 'en';

/** Called by handleError: this request failed because the database could not be reached. */
export function markDatabaseOutage(event: RequestEvent): void {
	(event.locals as unknown as Record<symbol, boolean>)[OUTAGE] = true;
}

const marked = (event: RequestEvent) => (event.locals as unknown as Record<symbol, boolean>)[OUTAGE] === true;

function localeOf(event: RequestEvent): Locale {
	if (event.locals.locale) return event.locals.locale;
	const locale = extractLocaleFromRequest(event.request);
	return locale === 'en' ? 'en' : 'ko';
}

const escape = (text: string) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

function page(locale: Locale, title: string, message: string): string {
	return `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(title)}</title><style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;line-height:1.6;color:#1a1a1a}</style></head><body><main><h1>${escape(title)}</h1><p>${escape(message)}</p></main></body></html>`;
}

/** The 503 for `event`, in the shape its caller reads. */
export function outageResponse(event: RequestEvent): Response {
	const locale = localeOf(event);
	const message = m.error_database_unavailable({}, { locale });
	const headers = { 'retry-after': RETRY_AFTER_SECONDS, 'cache-control': 'no-store' };
	const json = (body: unknown) => Response.json(body, { status: 503, headers });
	const { pathname } = event.url;
	if (pathname.startsWith('/api/')) return json({ error: { code: 'database_unavailable', message } });
	if (event.request.headers.get('x-sveltekit-action') === 'true') return json({ type: 'error', error: { message } });
	if (pathname.endsWith('/__data.json') || !event.request.headers.get('accept')?.includes('text/html'))
		return json({ message });
	const title = m.error_service_unavailable_title({}, { locale });
	return new Response(page(locale, title, message), {
		status: 503,
		headers: { ...headers, 'content-type': 'text/html; charset=utf-8' }
	});
}

export const handleDatabaseOutage: Handle = async ({ event, resolve }) => {
	let response: Response;
	try {
		response = await resolve(event);
	} catch (error) {
		if (!isConnectionLoss(error)) throw error;
		event.locals.log?.warn({ err: error, path: event.url.pathname }, 'database unavailable');
		return outageResponse(event);
	}
	if (response.status !== 500 || !marked(event)) return response;
	// An API endpoint's problem must keep its documented shape; a page keeps the error page SvelteKit rendered.
	if (event.url.pathname.startsWith('/api/')) return outageResponse(event);
	const headers = new Headers(response.headers);
	headers.set('retry-after', RETRY_AFTER_SECONDS);
	return new Response(response.body, { status: 503, headers });
};
