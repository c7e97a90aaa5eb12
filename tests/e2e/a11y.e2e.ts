// Every page of the foundation passes an axe WCAG 2.1 AA scan, signed out and signed in, at 360 px too.
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe';
import { demo, gotoReady, signIn } from './support/accounts';

const publicPages = [
	'/',
	'/directory?q=헬스&kind=company',
	'/login',
	'/signup',
	'/reset-password',
	'/reset-password/abc.defghijklmnopqrstu',
	'/verify-email/abc.defghijklmnopqrstu',
	'/invitations/inv_bad.token',
	'/orgs/wonju-mtv',
	'/directory',
	'/testbed',
	'/courses',
	'/ir',
	'/needs',
	'/schedule'
];
const memberPages = [
	'/',
	'/verify-email',
	'/settings',
	'/settings/security',
	'/settings/tokens',
	'/orgs',
	'/orgs?q=원주',
	'/orgs/new',
	'/orgs/pulsewise',
	'/orgs/pulsewise/manage',
	'/notifications'
];

test('public pages have no axe violations', async ({ page }) => {
	test.setTimeout(120_000);
	for (const path of publicPages) {
		await page.goto(path);
		await expectNoAxeViolations(page);
	}
});

test('member pages have no axe violations', async ({ page }) => {
	test.setTimeout(120_000);
	await signIn(page, demo.startupAdmin);
	for (const path of memberPages) {
		const response = await page.goto(path);
		expect(response?.status(), path).toBe(200);
		await expectNoAxeViolations(page);
	}
});

test('English pages and a 360 px wide screen have no axe violations and no horizontal scroll', async ({ browser }) => {
	const context = await browser.newContext({
		viewport: { width: 360, height: 800 },
		locale: 'en-GB',
		extraHTTPHeaders: { 'accept-language': 'en' }
	});
	const page = await context.newPage();
	for (const path of ['/', '/login', '/signup', '/orgs/wonju-mtv']) {
		await page.goto(path);
		await expect(page.locator('html')).toHaveAttribute('lang', 'en');
		await expectNoAxeViolations(page);
		const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
		expect(overflow, `horizontal overflow on ${path}`).toBeLessThanOrEqual(0);
	}
	await context.close();
});

test('validation errors in forms are announced and have no axe violations', async ({ page }) => {
	await gotoReady(page, '/signup');
	await page.locator('main form button[type=submit]').click();
	await expect(page.locator('input[name=email]')).toHaveAttribute('aria-invalid', 'true');
	await expectNoAxeViolations(page);
});
