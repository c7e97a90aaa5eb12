// Personal data (PIPA): consents at sign-up, the export ZIP, deleting an account after
// re-authentication, and the re-consent prompt after a new notice version.
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { acceptSignUpConsents, demo, gotoReady, pageAs, uniqueEmail } from './support/accounts';
import { expectNoAxeViolations } from './support/axe';

const PASSWORD = 'privacy password 2026';
// Each test signs up (argon2id) and signs in more than once: give a loaded machine room.
test.setTimeout(240_000);
const SLOW = { timeout: 20_000 };

async function signUp(
	page: Page,
	email: string,
	name: string,
	optional: { marketing?: boolean; listing?: boolean } = {}
) {
	await gotoReady(page, '/signup');
	await page.locator('input[name=name]').fill(name);
	await page.locator('input[name=email]').fill(email);
	await page.locator('input[name=password]').fill(PASSWORD);
	await acceptSignUpConsents(page, optional);
	await page.locator('main form button[type=submit]').click();
	await expect(page).toHaveURL(/\/verify-email$/, SLOW);
}

async function expectFitsNarrowScreen(page: Page) {
	await page.setViewportSize({ width: 360, height: 800 });
	expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
	await page.setViewportSize({ width: 1280, height: 800 });
}

test('sign-up refuses a missing required consent, then records the chosen consents; the export ZIP holds the JSON files', async ({
	page
}) => {
	const email = uniqueEmail('privacy');
	await gotoReady(page, '/signup');
	await page.locator('input[name=name]').fill('개인정보 테스터');
	await page.locator('input[name=email]').fill(email);
	await page.locator('input[name=password]').fill(PASSWORD);
	await page.locator('main form button[type=submit]').click();
	await expect(page.locator('input[name=consent_required]')).toHaveAttribute('aria-invalid', 'true', SLOW);
	await expect(page.locator('main')).toContainText(/필수 개인정보 수집·이용에 동의|agree to the required/);
	await expect(page.locator('input[name=email]')).toHaveValue(email);

	await page.locator('input[name=password]').fill(PASSWORD);
	await acceptSignUpConsents(page, { listing: true });
	await page.locator('main form button[type=submit]').click();
	await expect(page).toHaveURL(/\/verify-email$/, SLOW);

	await gotoReady(page, '/settings/data');
	await expect(page.locator('input[name=consent_listing]')).toBeChecked();
	await expect(page.locator('input[name=consent_marketing]')).not.toBeChecked();
	await expectNoAxeViolations(page);
	await expectFitsNarrowScreen(page);

	// Changing an optional consent is saved, shown after the save, and recorded in the history.
	await page.locator('input[name=consent_marketing]').check();
	await page.locator('form[action="?/consents"] button[type=submit]').click();
	await expect(page.locator('form[action="?/consents"] [role=status]')).toBeVisible(SLOW);
	await expect(page.locator('input[name=consent_marketing]')).toBeChecked();
	await page.reload();
	await expect(page.locator('input[name=consent_marketing]')).toBeChecked();
	await expect(page.locator('.history li')).toHaveCount(4);

	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('link', { name: /ZIP/ }).click()
	]);
	const path = await download.path();
	const files = unzipSync(new Uint8Array(readFileSync(path)));
	expect(Object.keys(files)).toEqual(
		expect.arrayContaining([
			'README.txt',
			'profile.json',
			'consents.json',
			'sessions.json',
			'bookings.json',
			'ir_chat_messages.json'
		])
	);
	expect(JSON.parse(strFromU8(files['profile.json']))).toMatchObject({ email, name: '개인정보 테스터' });
	expect(JSON.parse(strFromU8(files['consents.json']))).toHaveLength(4);
	expect(strFromU8(files['README.txt'])).toContain('pseudonym');
});

test('deleting an account needs the password again, then signs out for good', async ({ page }) => {
	const email = uniqueEmail('delete');
	await signUp(page, email, 'Delete Tester');
	await gotoReady(page, '/settings/data');
	const form = page.locator('form[action="?/delete"]');
	await form.locator('input[name=password]').fill('not my password');
	await form.locator('input[name=confirm]').check();
	await form.locator('button[type=submit]').click();
	await expect(form.locator('[role=alert]')).toBeVisible(SLOW);
	await expect(page).toHaveURL(/\/settings\/data/);

	await form.locator('input[name=password]').fill(PASSWORD);
	await form.locator('input[name=confirm]').check();
	await form.locator('button[type=submit]').click();
	await expect(page).toHaveURL(/\/\?account=deleted$/, SLOW);
	await expect(page.locator('header a[href="/login"]')).toBeVisible();

	await gotoReady(page, '/login');
	await page.locator('input[name=email]').fill(email);
	await page.locator('input[name=password]').fill(PASSWORD);
	await page.locator('main form button[type=submit]').click();
	await expect(page).toHaveURL(/\/login/);
	await expect(page.locator('main [role=alert]')).toBeVisible(SLOW);
});

test('a new notice version asks signed-in people to agree again', async ({ page, browser }) => {
	const email = uniqueEmail('reconsent');
	await signUp(page, email, 'Reconsent Tester');
	await gotoReady(page, '/privacy');
	await expectNoAxeViolations(page);
	await expectFitsNarrowScreen(page);
	await gotoReady(page, '/');
	await expect(page.getByRole('complementary', { name: /처리방침 변경|notice update/ })).toHaveCount(0);

	const operator = await pageAs(browser, demo.operator);
	await gotoReady(operator, '/admin/privacy');
	await expectNoAxeViolations(operator);
	const version = `e2e-${Date.now().toString(36)}`;
	await operator.locator('input[name=version]').fill(version);
	await operator.locator('main form button[type=submit]').click();
	await expect(operator.locator('main [role=status]')).toContainText(version, SLOW);
	await operator.context().close();

	await gotoReady(page, '/settings');
	const banner = page.getByRole('complementary', { name: /처리방침 변경|notice update/ });
	await expect(banner).toBeVisible(SLOW);
	await banner.getByRole('link').click();
	await expect(page).toHaveURL(/\/privacy\/consent\?next=%2Fsettings/, SLOW);
	await expect(page.locator('main')).toContainText(version);
	await page.locator('body[data-hydrated="true"]').waitFor();
	await expectNoAxeViolations(page);
	await page.locator('input[name=consent_required]').check();
	await page.locator('main form button[type=submit]').click();
	await expect(page).toHaveURL(/\/settings$/, SLOW);
	await expect(page.getByRole('complementary', { name: /처리방침 변경|notice update/ })).toHaveCount(0);
});

test('an operator opening a person’s details leaves an audit row', async ({ page, browser }) => {
	const email = uniqueEmail('viewed');
	await signUp(page, email, 'Viewed Person');
	const operator = await pageAs(browser, demo.operator);
	await gotoReady(operator, `/admin/users?q=${encodeURIComponent(email)}`);
	await operator.getByRole('link', { name: 'Viewed Person' }).click();
	await expect(operator).toHaveURL(/\/admin\/users\/[0-9a-f-]{36}$/, SLOW);
	await expect(operator.locator('main')).toContainText(email);
	await expectNoAxeViolations(operator);
	const userId = new URL(operator.url()).pathname.split('/').pop() ?? '';
	await gotoReady(operator, `/admin/audit?entity=${userId}`);
	await expect(operator.locator('main')).toContainText('privacy.personal_data_viewed');
	await operator.context().close();
});
