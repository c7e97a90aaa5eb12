// Which answers are marked for the public-page cache: only anonymous readers of listed pages.
import { describe, expect, it } from 'vitest';
import type { RequestEvent } from '@sveltejs/kit';
import { handlePublicPages } from './public-pages';

const handle = handlePublicPages({ routes: new Set(['/directory']), seconds: () => 5, allowedCookie: 'LANG' });

async function mark(
	options: {
		route?: string;
		user?: object;
		cookie?: string;
		method?: string;
		status?: number;
		cacheControl?: string;
	} = {}
) {
	const headers = new Headers(options.cookie ? { cookie: options.cookie } : {});
	const event = {
		request: new Request('http://127.0.0.1/directory', { method: options.method ?? 'GET', headers }),
		route: { id: options.route ?? '/directory' },
		locals: { user: options.user ?? null }
	} as unknown as RequestEvent;
	const response = await handle({
		event,
		resolve: async () =>
			new Response('page', {
				status: options.status ?? 200,
				headers: options.cacheControl ? { 'cache-control': options.cacheControl } : {}
			})
	});
	return response.headers.get('cache-control');
}

describe('handlePublicPages', () => {
	it('marks an anonymous reader of a listed page, with or without the language cookie', async () => {
		expect(await mark()).toBe('public, max-age=0, s-maxage=5');
		expect(await mark({ cookie: 'LANG=en' })).toBe('public, max-age=0, s-maxage=5');
	});

	it('never marks a signed-in reader, another cookie, another page, a POST, an error or a page that set its own', async () => {
		expect(await mark({ user: { id: 'u1' } })).toBeNull();
		expect(await mark({ cookie: 'LANG=ko; mc_session=x' })).toBeNull();
		expect(await mark({ route: '/needs' })).toBeNull();
		expect(await mark({ method: 'POST' })).toBeNull();
		expect(await mark({ status: 404 })).toBeNull();
		expect(await mark({ cacheControl: 'no-store' })).toBe('no-store');
	});

	it('marks nothing when the cache time is 0', async () => {
		const off = handlePublicPages({ routes: new Set(['/directory']), seconds: () => 0, allowedCookie: 'LANG' });
		const event = {
			request: new Request('http://127.0.0.1/directory'),
			route: { id: '/directory' },
			locals: { user: null }
		} as unknown as RequestEvent;
		const response = await off({ event, resolve: async () => new Response('page') });
		expect(response.headers.get('cache-control')).toBeNull();
	});
});
