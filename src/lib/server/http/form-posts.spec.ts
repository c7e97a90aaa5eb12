import { describe, expect, it, vi } from 'vitest';
import { isNonFormActionPost, refuseNonFormActionPosts } from './form-posts';

function event(
	method: string,
	path: string,
	contentType: string | null,
	options: { routeId?: string | null; remote?: boolean; accept?: string } = {}
) {
	const headers: Record<string, string> = {};
	if (contentType) headers['content-type'] = contentType;
	if (options.accept) headers.accept = options.accept;
	const url = new URL(path, 'http://127.0.0.1:3000');
	const hasBody = method !== 'GET' && method !== 'HEAD';
	return {
		request: new Request(url, { method, headers, body: hasBody && contentType ? '{}' : undefined }),
		url,
		route: { id: options.routeId === undefined ? path : options.routeId },
		isRemoteRequest: options.remote ?? false,
		locals: { log: { info: vi.fn(), error: vi.fn() } }
	};
}

describe('isNonFormActionPost', () => {
	it.each([['application/json'], ['application/xml'], [null], ['']])('flags a form action posted as %j', (type) => {
		expect(isNonFormActionPost(event('POST', '/settings/security?/password', type) as never)).toBe(true);
	});

	it('lets form bodies, other methods, the API, remote functions and unknown routes through', () => {
		for (const type of [
			'application/x-www-form-urlencoded',
			'multipart/form-data; boundary=x',
			'text/plain;charset=UTF-8',
			'Application/X-WWW-Form-Urlencoded'
		])
			expect(isNonFormActionPost(event('POST', '/login', type) as never)).toBe(false);
		expect(isNonFormActionPost(event('GET', '/login', null) as never)).toBe(false);
		expect(isNonFormActionPost(event('POST', '/api/v1/bookings', 'application/json') as never)).toBe(false);
		expect(isNonFormActionPost(event('POST', '/_app/remote/x', 'application/json', { remote: true }) as never)).toBe(
			false
		);
		expect(isNonFormActionPost(event('POST', '/no-such-page', 'application/json', { routeId: null }) as never)).toBe(
			false
		);
	});
});

describe('refuseNonFormActionPosts', () => {
	it('answers 400 with a message and logs at info, without resolving', async () => {
		const resolve = vi.fn();
		const json = event('POST', '/login', 'application/json', { accept: 'application/json' });
		const response = await refuseNonFormActionPosts({ event: json as never, resolve });
		expect(response.status).toBe(400);
		expect((await response.json()).type).toBe('error');
		expect(json.locals.log.info).toHaveBeenCalledOnce();
		expect(json.locals.log.error).not.toHaveBeenCalled();
		const plain = await refuseNonFormActionPosts({ event: event('POST', '/login', null) as never, resolve });
		expect(plain.status).toBe(400);
		expect(resolve).not.toHaveBeenCalled();
	});

	it('resolves a proper form post', async () => {
		const ok = new Response('ok');
		const resolve = vi.fn(() => ok);
		expect(
			await refuseNonFormActionPosts({
				event: event('POST', '/login', 'application/x-www-form-urlencoded') as never,
				resolve
			})
		).toBe(ok);
	});
});

describe('endpoints', () => {
	it('leaves a JSON POST to a +server.ts outside /api/ to that endpoint', () => {
		expect(
			isNonFormActionPost(
				event('POST', '/ir/x/replay/views', 'application/json', { routeId: '/ir/[id]/replay/views' }) as never
			)
		).toBe(false);
		expect(
			isNonFormActionPost(event('POST', '/ir/x/live/placement', null, { routeId: '/ir/[id]/live/placement' }) as never)
		).toBe(false);
		// A page route beside them is still a form action.
		expect(
			isNonFormActionPost(event('POST', '/ir/x/live', 'application/json', { routeId: '/ir/[id]/live' }) as never)
		).toBe(true);
	});
});
