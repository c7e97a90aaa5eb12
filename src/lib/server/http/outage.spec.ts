import { describe, expect, it } from 'vitest';
import type { RequestEvent } from '@sveltejs/kit';
import { DatabaseUnavailableError } from '../db/unavailable';
import { handleDatabaseOutage, markDatabaseOutage, outageResponse } from './outage';

const KO = '데이터베이스에 잠시 연결할 수 없습니다. 잠시 후 다시 시도해 주세요.';
const EN = 'The database is briefly unreachable. Please try again in a moment.';

function eventFor(path: string, headers: Record<string, string> = {}, locale?: 'ko' | 'en'): RequestEvent {
	const url = new URL(path, 'http://portal.test');
	return { url, request: new Request(url, { headers }), locals: locale ? { locale } : {} } as unknown as RequestEvent;
}

describe('outageResponse', () => {
	it('answers the API with the documented problem, in the caller’s language', async () => {
		const response = outageResponse(eventFor('/api/v1/bookings', { cookie: 'PARAGLIDE_LOCALE=en' }));
		expect(response.status).toBe(503);
		expect(response.headers.get('retry-after')).toBe('5');
		expect(await response.json()).toEqual({ error: { code: 'database_unavailable', message: EN } });
	});

	it('answers SvelteKit’s action and data requests in their own shapes, and browsers with a page', async () => {
		const action = outageResponse(
			eventFor('/testbed', { 'x-sveltekit-action': 'true', accept: 'application/json' }, 'ko')
		);
		expect(await action.json()).toEqual({ type: 'error', error: { message: KO } });
		const data = outageResponse(eventFor('/testbed/__data.json', { accept: '*/*' }, 'en'));
		expect(await data.json()).toEqual({ message: EN });
		const page = outageResponse(eventFor('/testbed', { accept: 'text/html' }, 'en'));
		expect(page.headers.get('content-type')).toContain('text/html');
		expect(await page.text()).toMatch(/<html lang="en">.*Temporarily unavailable.*briefly unreachable/s);
	});
});

describe('handleDatabaseOutage', () => {
	it('turns an outage thrown by a later hook into a 503, and rethrows anything else', async () => {
		const failing = (error: unknown) => () => Promise.reject(error);
		const response = await handleDatabaseOutage({
			event: eventFor('/api/v1/me', {}, 'ko'),
			resolve: failing(new DatabaseUnavailableError())
		} as never);
		expect(response.status).toBe(503);
		const bug = new Error('a bug');
		await expect(handleDatabaseOutage({ event: eventFor('/api/v1/me'), resolve: failing(bug) } as never)).rejects.toBe(
			bug
		);
	});

	it('makes a 500 that handleError marked as an outage a 503, and leaves other 500s alone', async () => {
		const marked = eventFor('/directory', { accept: 'text/html' }, 'en');
		const rendered = () =>
			Promise.resolve(new Response('<p>error page</p>', { status: 500, headers: { 'content-type': 'text/html' } }));
		markDatabaseOutage(marked);
		const page = await handleDatabaseOutage({ event: marked, resolve: rendered } as never);
		expect([page.status, await page.text()]).toEqual([503, '<p>error page</p>']);

		const api = eventFor('/api/v1/courses', {}, 'en');
		markDatabaseOutage(api);
		const problem = await handleDatabaseOutage({
			event: api,
			resolve: () => Promise.resolve(Response.json({ message: 'x' }, { status: 500 }))
		} as never);
		expect(await problem.json()).toEqual({ error: { code: 'database_unavailable', message: EN } });

		const plain = await handleDatabaseOutage({ event: eventFor('/directory'), resolve: rendered } as never);
		expect(plain.status).toBe(500);
	});
});
