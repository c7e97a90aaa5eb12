import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { cookieName } from '$lib/paraglide/runtime';
import * as m from '$lib/paraglide/messages';
import { getLogger, tryGetRuntime } from '$lib/server/runtime';
import { startApp } from '$lib/server/app/start';
import { installZodMessages } from '$lib/server/http/zod-messages';
import { isSecure } from '$lib/server/http/context';
import { resolveTimeZone } from '$lib/time-zone';
import { exposeLifecycle } from '$lib/server/app/lifecycle';
import { handleDatabaseOutage, markDatabaseOutage } from '$lib/server/http/outage';
import { isConnectionLoss } from '$lib/server/db/unavailable';
import { refuseNonFormActionPosts } from '$lib/server/http/form-posts';
import { resolveRequestLocale, useRequestStoreForLocale } from '$lib/server/i18n/request-locale';
import { handleAuth } from '$lib/server/auth/http-handle';
import { handlePublicPages } from '$lib/server/http/public-pages';
import { PUBLIC_PAGE_ROUTES } from '$lib/server/app/public-pages';

installZodMessages();
useRequestStoreForLocale();

export const init: ServerInit = async () => {
	await startApp();
	exposeLifecycle();
};

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

const handleRequestLog: Handle = async ({ event, resolve }) => {
	const incoming = event.request.headers.get('x-request-id');
	event.locals.requestId = incoming && REQUEST_ID.test(incoming) ? incoming : crypto.randomUUID();
	event.locals.log = getLogger().child({ requestId: event.locals.requestId });
	const started = performance.now();
	const response = await resolve(event);
	response.headers.set('x-request-id', event.locals.requestId);
	if (!response.headers.has('x-content-type-options')) response.headers.set('x-content-type-options', 'nosniff');
	response.headers.set('referrer-policy', 'strict-origin-when-cross-origin');
	event.locals.log.info(
		{
			method: event.request.method,
			path: event.url.pathname,
			status: response.status,
			ms: Math.round(performance.now() - started),
			userId: event.locals.user?.id
		},
		'request'
	);
	return response;
};

const handleI18n: Handle = ({ event, resolve }) => {
	// The user's own setting wins over the cookie and the browser's languages.
	const cookieLocale = event.cookies.get(cookieName);
	const locale = resolveRequestLocale(event.request, cookieLocale, event.locals.user?.locale);
	event.locals.locale = locale;
	event.locals.timeZone = resolveTimeZone(event.locals.user?.timeZone);
	if (cookieLocale !== locale) {
		event.cookies.set(cookieName, locale, {
			path: '/',
			httpOnly: false,
			sameSite: 'lax',
			maxAge: 34560000,
			secure: isSecure(event)
		});
	}
	return resolve(event, { transformPageChunk: ({ html }) => html.replace('%paraglide.lang%', locale) });
};

const handlePublic = handlePublicPages({
	routes: PUBLIC_PAGE_ROUTES,
	seconds: () => tryGetRuntime()?.config.PUBLIC_CACHE_SECONDS ?? 0,
	allowedCookie: cookieName
});

export const handle = sequence(
	handleRequestLog,
	handlePublic,
	handleDatabaseOutage,
	handleAuth,
	handleI18n,
	refuseNonFormActionPosts
);

export const handleError: HandleServerError = ({ error, event, status, message }) => {
	if (status === 404) return { message: m.error_not_found() };
	const requestId = event.locals.requestId;
	// Never getLogger() here: during start-up or shutdown there may be no runtime, and a throw in
	// handleError ends the process.
	const log = event.locals.log ?? tryGetRuntime()?.logger;
	if (isConnectionLoss(error)) {
		markDatabaseOutage(event);
		log?.warn({ err: error, path: event.url.pathname }, 'database unavailable');
		return { message: m.error_database_unavailable(), requestId };
	}
	if (log) log.error({ err: error, status, path: event.url.pathname }, message);
	else console.error(`${message} (${event.url.pathname})`, error);
	return { message: m.error_unexpected(), requestId };
};
