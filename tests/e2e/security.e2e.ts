// Issue #23's probe, replayed against the built server: redirects after sign-in stay on this site,
// cookie API writes need this origin, form posts without form data are a 400, and "sign out
// everywhere" can take the personal API tokens with it.
import { expect, test } from '@playwright/test';
import { demo, gotoReady, signIn, uniqueEmail, acceptSignUpConsents } from './support/accounts';
import { expectNoAxeViolations } from './support/axe';

test('a hostile next after sign-in lands on this site, and odd ones never answer 500', async ({ page, baseURL }) => {
	await gotoReady(page, '/login?next=/%09/evil.example');
	await page.locator('input[name=email]').fill(demo.startup);
	await page.locator('input[name=password]').fill('medcluster-demo-2026');
	await Promise.all([
		page.waitForURL((url) => !url.pathname.startsWith('/login')),
		page.locator('main form button[type=submit]').click()
	]);
	expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
	expect(new URL(page.url()).pathname).toBe('/');

	// Signed in, /login sends on at once: the same gate applies.
	for (const next of [
		'/%09/evil.example',
		'//evil.example',
		'/%5Cevil.example',
		'/.//evil.example',
		'/%0d%0aset-cookie:%20a=b',
		'/%E0%A4%A'
	]) {
		const response = await page.request.get(`/login?next=${next}`, { maxRedirects: 0 });
		expect(response.status(), next).toBe(303);
		expect(response.headers().location, next).toBe('/');
	}
	const fine = await page.request.get('/login?next=/testbed%3Fkind%3Dspace', { maxRedirects: 0 });
	expect(fine.headers().location).toBe('/testbed?kind=space');
});

test('a cookie API write from another origin is refused; the portal’s own fetch is not', async ({ page }) => {
	await signIn(page, demo.startup);
	const somewhere = `/api/v1/cohorts/${crypto.randomUUID()}/enrolments`;
	for (const headers of [{ origin: 'https://evil.example' }, {} as Record<string, string>]) {
		const response = await page.request.post(somewhere, { headers });
		expect(response.status()).toBe(403);
		expect((await response.json()).error.code).toBe('cross_site_request');
	}
	// The browser states the origin itself: the request reaches the endpoint (no such cohort).
	const own = await page.evaluate(async (path) => (await fetch(path, { method: 'POST' })).status, somewhere);
	expect(own).toBe(404);
});

test('a form action posted as JSON is a 400 with a message, not a server error', async ({ page }) => {
	await signIn(page, demo.startup);
	const origin = new URL(page.url()).origin;
	const enhanced = await page.request.post('/settings/security?/password', {
		data: { currentPassword: 'x', newPassword: 'y' },
		headers: { origin, accept: 'application/json' }
	});
	expect(enhanced.status()).toBe(400);
	expect((await enhanced.json()).type).toBe('error');
	const plain = await page.request.post('/login', { headers: { origin } });
	expect(plain.status()).toBe(400);
});

test('sign out everywhere can revoke the personal API tokens too', async ({ page, playwright, baseURL }) => {
	const email = uniqueEmail('tokens');
	await gotoReady(page, '/signup');
	await page.locator('input[name=name]').fill('Token Tester');
	await page.locator('input[name=email]').fill(email);
	await page.locator('input[name=password]').fill('first password 123');
	await acceptSignUpConsents(page);
	await page.locator('main form button[type=submit]').click();
	await expect(page).toHaveURL(/\/verify-email$/);

	await gotoReady(page, '/settings/tokens');
	await page.locator('input[name=name]').fill('laptop');
	await page.getByRole('button', { name: /토큰 만들기|Create token/ }).click();
	const token = (await page.getByTestId('new-token').textContent())?.trim() ?? '';
	const api = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${token}` } });
	expect((await api.get('/api/v1/me')).status()).toBe(200);

	await gotoReady(page, '/settings/security');
	// Both forms offer the box once the account has a token.
	await expect(page.getByRole('checkbox', { name: /API 토큰|API token/ })).toHaveCount(2);
	await expectNoAxeViolations(page);
	await page.setViewportSize({ width: 360, height: 800 });
	expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
	const signOutForm = page.locator('form[action="?/signOutEverywhere"]');
	await signOutForm.getByRole('checkbox', { name: /API 토큰|API token/ }).check();
	await Promise.all([page.waitForURL(/\/login$/), signOutForm.getByRole('button').click()]);
	expect((await api.get('/api/v1/me')).status()).toBe(401);
	await api.dispose();
});
