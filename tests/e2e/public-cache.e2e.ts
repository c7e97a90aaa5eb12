// The public-page cache as a browser meets it: anonymous readers of the directory share one rendering
// for a few seconds, per language; a signed-in reader always gets the page rendered for them.
import { expect, test } from '@playwright/test';
import { demo, pageAs } from './support/accounts';

test('anonymous readers share a cached page per language; a signed-in reader never does', async ({
	browser,
	request
}) => {
	// A Korean browser that already has its language cookie (the first answer would otherwise set it, and
	// a reader with the cookie is another cache entry than one without).
	const koreanReader = { 'accept-language': 'ko', cookie: 'PARAGLIDE_LOCALE=ko' };
	const korean = await request.get('/directory', { headers: koreanReader });
	expect(korean.status()).toBe(200);
	expect(korean.headers()['cache-control']).toMatch(/^public, max-age=0, s-maxage=\d+$/);
	expect(korean.headers()['vary']).toBe('Accept-Language, Cookie');
	// The next anonymous reader gets the same page (no per-response nonce in it), with its own request id.
	const again = await request.get('/directory', { headers: koreanReader });
	expect(await again.text()).toBe(await korean.text());
	expect(again.headers()['x-request-id']).not.toBe(korean.headers()['x-request-id']);
	// Answered from the cache (a shared cache states the answer's age), not rendered again.
	expect(again.headers()['age']).toMatch(/^\d+$/);
	const english = await request.get('/directory', {
		headers: { 'accept-language': 'en', cookie: 'PARAGLIDE_LOCALE=en' }
	});
	expect(await english.text()).toContain('lang="en"');
	expect(await again.text()).toContain('lang="ko"');

	const member = await pageAs(browser, demo.startup);
	const response = await member.goto('/directory');
	expect(response?.headers()['cache-control'] ?? '').not.toContain('public');
	expect(response?.headers()['age']).toBeUndefined();
	// The signed-in layout (the account menu) is there: this is not the anonymous rendering.
	await expect(member.locator('a[href="/logout"], form[action="/logout"]').first()).toBeAttached();
	await member.context().close();
});
