// From sign-up to member features: e-mail verification through the outbox, a new organisation,
// the operator's verification, and what the member sees afterwards.
import { expect, test } from '@playwright/test';
import { demo, gotoReady, pageAs, readMailLink, uniqueEmail, acceptSignUpConsents } from './support/accounts';

test('a new user signs up, verifies the e-mail, registers an organisation and gets verified', async ({
	page,
	browser
}) => {
	const email = uniqueEmail('founder');
	const slug = `e2e-${Date.now().toString(36)}`;

	await gotoReady(page, '/signup');
	await page.getByLabel(/^(이름|Name)$/).fill('김창업');
	await page.locator('input[name=email]').fill(email);
	await page.locator('input[name=password]').fill('a long enough password');
	await acceptSignUpConsents(page);
	await page.locator('main form button[type=submit]').click();
	await expect(page).toHaveURL(/\/verify-email$/);
	await expect(page.locator('main')).toContainText(email);

	const operator = await pageAs(browser, demo.operator);
	const verifyPath = await readMailLink(operator, email, '/verify-email/');
	await gotoReady(page, verifyPath);
	await page.locator('main form button[type=submit]').click();
	await expect(page).toHaveURL(/\/\?verified=1$/);

	await gotoReady(page, '/orgs/new');
	await page.locator('select[name=kind]').selectOption('company');
	await page.locator('input[name=nameKo]').fill('이투이 헬스');
	await page.locator('input[name=nameEn]').fill('E2E Health');
	await page.locator('input[name=slug]').fill(slug);
	await page.locator('input[name=website]').fill('https://e2e-health.example');
	await page.locator('main form button[type=submit]').click();
	await expect(page).toHaveURL(new RegExp(`/orgs/${slug}\\?created=1$`));
	await expect(page.locator('main [role=status]').first()).toBeVisible();

	// Unverified: the member sees what they are waiting for.
	await page.goto('/');
	await expect(page.locator('main')).toContainText(/인증을 기다리는 중|Waiting for verification/);

	await operator.goto('/admin');
	const card = operator.locator('main article').filter({ hasText: 'E2E Health' });
	await expect(card).toHaveCount(1);
	await card.locator('form[action="?/verify"] button[type=submit]').click();
	await expect(card).toHaveCount(0);

	await page.goto('/');
	await expect(page.locator('main')).toContainText(/회원 기능을 이용할 수 있습니다|Member features are open to you/);
	await expect(page.getByRole('link', { name: /알림, 읽지 않음|unread/ })).toBeVisible();

	// The organisation is now public.
	const anonymous = await browser.newPage();
	const response = await anonymous.goto(`/orgs/${slug}`);
	expect(response?.status()).toBe(200);
	await operator.context().close();
	await anonymous.close();
});

test('an unverified organisation is hidden from visitors and other members', async ({ page, browser }) => {
	const response = await page.goto('/orgs/cognify-health');
	expect(response?.status()).toBe(404);
	const owner = await pageAs(browser, demo.pending);
	expect((await owner.goto('/orgs/cognify-health'))?.status()).toBe(200);
	await expect(owner.locator('main')).toContainText(/인증을 기다리고|awaits verification/);
	await owner.context().close();
});
