// Marks the answers to anonymous readers of public pages as keepable by a shared cache for a few
// seconds (`Cache-Control: public, max-age=0, s-maxage=N`, `Vary: Accept-Language, Cookie`); the
// in-process cache (public-cache.ts), or a proxy in front, may then answer the next anonymous
// readers of that address and language without rendering. Browsers still revalidate every time
// (max-age=0, with the ETag). Never for a signed-in reader, a request that carries any cookie but
// the language one, an answer other than 200, or one that already says how it may be cached.
import type { Handle } from '@sveltejs/kit';
import { onlyCookie } from './public-cache';

export type PublicPagesOptions = {
	/** Route ids (SvelteKit's `event.route.id`) whose anonymous answer is the same for every reader. */
	routes: ReadonlySet<string>;
	/** How long a shared cache may keep them; 0 marks nothing. */
	seconds: () => number;
	/** The language cookie, the only cookie such a request may carry. */
	allowedCookie: string;
};

export function handlePublicPages(options: PublicPagesOptions): Handle {
	return async ({ event, resolve }) => {
		const response = await resolve(event);
		const seconds = options.seconds();
		if (
			seconds > 0 &&
			event.request.method === 'GET' &&
			response.status === 200 &&
			!event.locals.user &&
			event.route.id !== null &&
			options.routes.has(event.route.id) &&
			!event.request.headers.has('authorization') &&
			onlyCookie(event.request.headers.get('cookie') ?? undefined, options.allowedCookie) &&
			!response.headers.has('cache-control')
		) {
			response.headers.set('cache-control', `public, max-age=0, s-maxage=${seconds}`);
			response.headers.set('vary', 'Accept-Language, Cookie');
		}
		return response;
	};
}
