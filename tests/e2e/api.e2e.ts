// The JSON API: problems with codes and translated messages, bearer tokens, the OpenAPI document.
import { expect, test } from '@playwright/test';
import { demo, signIn } from './support/accounts';

test('without credentials /api/v1/me is a 401 problem in the caller’s language', async ({
	request,
	playwright,
	baseURL
}) => {
	const ko = await request.get('/api/v1/me');
	expect(ko.status()).toBe(401);
	expect(await ko.json()).toEqual({ error: { code: 'unauthenticated', message: '로그인이 필요합니다.' } });
	// A fresh client (no language cookie yet) that prefers English.
	const english = await playwright.request.newContext({
		baseURL,
		extraHTTPHeaders: { 'accept-language': 'en-US,en;q=0.9' }
	});
	expect((await (await english.get('/api/v1/me')).json()).error.message).toBe('Please sign in first.');
	await english.dispose();
});

test('a personal API token is shown once, works as a bearer token, and stops working when revoked', async ({
	page,
	playwright,
	baseURL
}) => {
	await signIn(page, demo.investor);
	await page.goto('/settings/tokens');
	await page.locator('input[name=name]').fill('e2e token');
	await page.getByRole('button', { name: /토큰 만들기|Create token/ }).click();
	const token = (await page.getByTestId('new-token').textContent())?.trim() ?? '';
	expect(token).toMatch(/^mct_[a-z0-9]+\.[a-z2-7]+$/);

	const api = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${token}` } });
	const me = await api.get('/api/v1/me');
	expect(me.status()).toBe(200);
	const body = await me.json();
	expect(body.email).toBe(demo.investor);
	expect(body.memberships[0]).toMatchObject({ kind: 'investor', status: 'verified' });

	await page.reload();
	await expect(page.getByTestId('new-token')).toHaveCount(0);
	await page.getByRole('button', { name: /(폐기|Revoke)\s?: e2e token/ }).click();
	await expect(page.locator('main')).not.toContainText('e2e token');
	expect((await api.get('/api/v1/me')).status()).toBe(401);

	const forged = await playwright.request.newContext({
		baseURL,
		extraHTTPHeaders: { authorization: `Bearer ${token.slice(0, -2)}aa` }
	});
	expect((await forged.get('/api/v1/me')).status()).toBe(401);
	await api.dispose();
	await forged.dispose();
});

test('organizations: verified ones are public, pending ones 404, bad slugs 400, unknown routes 404 JSON', async ({
	request
}) => {
	const org = await request.get('/api/v1/organizations/wonju-mtv');
	expect(org.status()).toBe(200);
	expect(await org.json()).toMatchObject({ slug: 'wonju-mtv', status: 'verified', kind: 'agency' });
	expect((await request.get('/api/v1/organizations/cognify-health')).status()).toBe(404);
	const bad = await request.get('/api/v1/organizations/NOT_a_slug!');
	expect(bad.status()).toBe(400);
	expect((await bad.json()).error.code).toBe('validation_failed');
	const unknown = await request.get('/api/v1/nothing-here');
	expect(unknown.status()).toBe(404);
	expect((await unknown.json()).error.code).toBe('not_found');
});

test('the OpenAPI 3.1 document lists the endpoints with schemas', async ({ request }) => {
	const doc = await (await request.get('/api/v1/openapi.json')).json();
	expect(doc.openapi).toBe('3.1.0');
	expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/me', '/organizations/{slug}']));
	expect(doc.paths['/me'].get.responses['200'].content['application/json'].schema).toEqual({
		$ref: '#/components/schemas/Me'
	});
	expect(doc.components.schemas.Me.properties.email).toBeDefined();
	expect(doc.paths['/organizations/{slug}'].get.responses['404'].content['application/json'].schema).toEqual({
		$ref: '#/components/schemas/Problem'
	});
	expect(doc.components.schemas.Organization.properties.products.items).toEqual({
		$ref: '#/components/schemas/Product'
	});
	// Every reference resolves.
	for (const ref of JSON.stringify(doc).match(/#\/components\/schemas\/[A-Za-z]+/g) ?? []) {
		expect(doc.components.schemas[ref.split('/').pop()!], ref).toBeDefined();
	}
});

test('health and readiness', async ({ request }) => {
	expect((await (await request.get('/healthz')).json()).status).toBe('ok');
	const ready = await (await request.get('/readyz')).json();
	expect(ready).toMatchObject({ status: 'ready', checks: { accepting: 'ok', database: 'ok', listen: 'ok' } });
	// On PostgreSQL the process is also a cluster node, with its heartbeat as a further check.
	expect(Object.values(ready.checks).every((result) => result === 'ok')).toBe(true);
});
