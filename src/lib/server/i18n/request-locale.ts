// The reader's language for one request, and Paraglide's server-side getLocale() answered from
// SvelteKit's own request store. Paraglide's paraglideMiddleware would clone every request and run
// a second AsyncLocalStorage for the same answer (about a tenth of a page's CPU in a profile).
import { getRequestEvent } from '$app/server';
import { overwriteServerAsyncLocalStorage, type Locale } from '$lib/paraglide/runtime';

export { resolveRequestLocale } from './resolve-locale';

function currentStore(): { locale?: Locale; origin?: string } | undefined {
	let event;
	try {
		event = getRequestEvent();
	} catch {
		// Outside a request (jobs, sockets, mail): callers pass the reader's locale explicitly.
		return undefined;
	}
	return { locale: event.locals.locale as Locale | undefined, origin: event.url.origin };
}

/** Makes getLocale() on the server read the locale the auth/i18n hook put on the current request. */
export function useRequestStoreForLocale(): void {
	overwriteServerAsyncLocalStorage({
		getStore: currentStore,
		run: (_store: unknown, callback: () => unknown) => callback()
	} as unknown as Parameters<typeof overwriteServerAsyncLocalStorage>[0]);
}
