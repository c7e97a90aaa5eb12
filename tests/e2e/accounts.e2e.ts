// Sign-in throttling, password reset, sign-out and the language switch.
import { expect, test } from '@playwright/test';
import { demo, gotoReady, pageAs, readMailLink, signIn, uniqueEmail, acceptSignUpConsents } from './support/accounts';

test('sign-in is throttled per account with a readable message and Retry-After', async ({ page }) => {
	const email = uniqueEmail('nobody');
	for (let attempt = 1; attempt <= 5; attempt++) {
		await gotoReady(page, '/login');
		await page.locator('input[name=email]').fill(email);
		await page.locator('input[name=password]').fill(`wrong password ${attempt}`);
		await page.locator('main form button[type=submit]').click();
		await expect(page.locator('main [role=alert]')).toContainText(/올바르지 않습니다|not correct/);
	}
	await page.locator('input[name=password]').fill('wrong password 6');
	await page.locator('main form button[type=submit]').click();
	await expect(page.locator('main [role=alert]')).toContainText(/시도가 너무 많습니다|Too many attempts/);
	// The same post without JavaScript: a real 429 page with Retry-After.
	const response = await page.request.post('/login', {
		form: { email, password: 'wrong password 7' },
		headers: { origin: new URL(page.url()).origin, accept: 'text/html' },
		maxRedirects: 0
	});
	expect(response.status()).toBe(429);
	expect(Number(response.headers()['retry-after'])).toBeGreaterThan(0);
	expect(await response.text()).toMatch(/시도가 너무 많습니다|Too many attempts/);
});

test('a wrong password and a malformed e-mail get clear errors, not a 500', async ({ page }) => {
	await gotoReady(page, '/login');
	await page.locator('input[name=email]').fill('not-an-email');
	await page.locator('main form button[type=submit]').click();
	await expect(page.locator('main')).toContainText(/올바른 이메일|valid e-mail/);
});

test('password reset works once by e-mailed link, then the new password signs in', async ({ page, browser }) => {
	const email = uniqueEmail('reset');
	await gotoReady(page, '/signup');
	await page.locator('input[name=name]').fill('Reset Tester');
	await page.locator('input[name=email]').fill(email);
	await page.locator('input[name=password]').fill('first password 123');
	await acceptSignUpConsents(page);
	await page.locator('main form button[type=submit]').click();
	await expect(page).toHaveURL(/\/verify-email$/);
	await page.locator('header form[action="/logout"] button').click();

	await gotoReady(page, '/reset-password');
	await page.locator('input[name=email]').fill(email);
	await page.locator('main form button[type=submit]').click();
	await expect(page.locator('main [role=status]')).toContainText(email);

	const operator = await pageAs(browser, demo.operator);
	const resetPath = await readMailLink(operator, email, '/reset-password/');
	await operator.context().close();

	await gotoReady(page, resetPath);
	await page.locator('input[name=password]').fill('second password 456');
	await page.locator('main form button[type=submit]').click();
	await expect(page).toHaveURL(/\/login\?reset=1$/);

	await gotoReady(page, resetPath);
	await page.locator('input[name=password]').fill('third password 789');
	await page.locator('main form button[type=submit]').click();
	await expect(page.locator('main [role=alert]')).toContainText(/이미 사용|already used/);

	await signIn(page, email, 'second password 456');
	await expect(page.locator('header')).toContainText('Reset Tester');
});

test('the language switch changes the page language; a signed-in user keeps it as a setting', async ({ page }) => {
	await page.goto('/');
	await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
	await page.getByRole('button', { name: /English/ }).click();
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expect(page.getByRole('navigation', { name: 'Main menu' })).toContainText('Directory');

	// English was chosen in this visit: signing in keeps it, and offers the account's Korean back (issue 21).
	await signIn(page, demo.investor);
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	const offer = page.locator('main .kept');
	await expect(offer).toContainText('We kept English');
	await offer.getByRole('button', { name: 'Go back to 한국어' }).click();
	await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
	await expect(page.locator('main .kept')).toHaveCount(0);
	await page.getByRole('button', { name: /English/ }).click();
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await page.goto('/settings');
	await expect(page.locator('select[name=locale]')).toHaveValue('en');
	await page.getByRole('button', { name: /한국어/ }).click();
	await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
});

test('keyboard only: the skip link moves focus to the content and sign-in works from the keyboard', async ({
	page
}) => {
	await gotoReady(page, '/login');
	await page.keyboard.press('Tab');
	await expect(page.locator('.skip-link')).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(page.locator('#main')).toBeFocused();
	await page.locator('input[name=email]').focus();
	await page.keyboard.type(demo.hospital);
	await page.keyboard.press('Tab');
	await page.keyboard.type('medcluster-demo-2026');
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/\/$/);
	await expect(page.locator('header')).toContainText(/로그아웃|Sign out/);
});
