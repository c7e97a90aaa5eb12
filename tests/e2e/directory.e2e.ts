// The directory as a visitor uses it: search in Korean and English, filters by keyboard, a URL that
// keeps the whole query (back button included), facet counts, and the JSON API behind it.
import { expect, test } from '@playwright/test';
import { gotoReady } from './support/accounts';
import { expectNoAxeViolations } from './support/axe';

test('a Korean fragment and an English typo both find the right organisations', async ({ page }) => {
	await gotoReady(page, '/directory');
	await page.getByRole('searchbox').fill('헬스');
	await page.getByRole('searchbox').press('Enter');
	await expect(page).toHaveURL(/q=%ED%97%AC%EC%8A%A4/);
	await expect(page.locator('main ol')).toContainText(/헬스/);

	await page.getByRole('searchbox').fill('cardiak');
	await page.getByRole('searchbox').press('Enter');
	await expect(page.locator('main ol li').first()).toBeVisible();
	await expect(page.locator('main ol')).toContainText(/심장|펄스와이즈|바이탈패치/);
});

test('filters work from the keyboard, the URL keeps them, and the back button undoes them', async ({ page }) => {
	await gotoReady(page, '/directory');
	const count = page.locator('#results-title');
	const all = await count.textContent();
	const hospital = page.getByRole('checkbox', { name: /병원/ });
	const facetCount = Number((await hospital.locator('xpath=..').locator('.count').textContent())?.trim());
	await hospital.focus();
	await page.keyboard.press('Space');
	await expect(page).toHaveURL(/kind=hospital/);
	await expect(hospital).toBeFocused();
	await expect(count).toHaveText(new RegExp(`^${facetCount}`));
	await expect(page.locator('main ol > li')).toHaveCount(Math.min(facetCount, 20));

	await page.goBack();
	await expect(page).not.toHaveURL(/kind=hospital/);
	await expect(count).toHaveText(all ?? '');
});

test('unverified organisations never appear, not even by exact name', async ({ page, request }) => {
	await page.goto('/directory?q=Cognify');
	await expect(page.locator('main')).toContainText(/조건에 맞는 기관이 없습니다|No organisation matches/);
	const api = await (await request.get('/api/v1/organizations?q=Cognify')).json();
	expect(api.total).toBe(0);
});

test('the search API returns results with facet counts and refuses bad parameters', async ({ request }) => {
	const response = await request.get(`/api/v1/organizations?q=${encodeURIComponent('재활')}&kind=company`);
	expect(response.status()).toBe(200);
	const body = await response.json();
	expect(body.total).toBeGreaterThan(0);
	expect(body.facets.kind).toEqual({ company: body.total });
	expect(body.results[0]).toMatchObject({ kind: 'company' });
	const bad = await request.get('/api/v1/organizations?kind=spaceship');
	expect(bad.status()).toBe(400);
	expect((await bad.json()).error.code).toBe('validation_failed');
});

test('the directory with filters and at 360 px has no axe violations and no sideways scroll', async ({ browser }) => {
	const context = await browser.newContext({ viewport: { width: 360, height: 800 }, locale: 'ko-KR' });
	const page = await context.newPage();
	await page.goto('/directory?tag=samd&stage=mfds_approved');
	await expectNoAxeViolations(page);
	expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
	await context.close();
});
