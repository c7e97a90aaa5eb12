// Issue #18's edges in the browser: an organisation admin's contact inbox (read, reply link, archive),
// keyboard- and axe-clean, without horizontal scrolling at 360 px.
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe';
import { demo, gotoReady, signIn } from './support/accounts';

test('an organisation admin reads, replies to and archives a contact message in the inbox', async ({ browser }) => {
	test.setTimeout(180_000);
	const subject = `Pilot ${Date.now().toString(36)}`;
	const investor = await browser.newContext();
	const investorPage = await investor.newPage();
	await signIn(investorPage, demo.investor);
	await gotoReady(investorPage, '/orgs/pulsewise');
	await investorPage.locator('#contact-subject').fill(subject);
	await investorPage.locator('#contact-message').fill('Could we meet about your ECG patch?');
	await investorPage.locator('form[action="?/contact"] button[type=submit]').click();
	await expect(investorPage.locator('#contact-subject')).toHaveValue('');
	await investor.close();

	const admin = await browser.newContext({ viewport: { width: 360, height: 800 } });
	const page = await admin.newPage();
	await signIn(page, demo.startupAdmin);
	await gotoReady(page, '/orgs/pulsewise');
	await page.locator('a[href="/orgs/pulsewise/inbox"]').click();
	await expect(page).toHaveURL(/\/orgs\/pulsewise\/inbox$/);
	const item = page.locator('li', { has: page.getByRole('heading', { name: subject }) });
	await expect(item).toBeVisible();
	await expect(item.locator('a[href^="mailto:investor@medcluster.example"]')).toBeVisible();
	await expectNoAxeViolations(page);
	expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);

	// Read, then archive: the message leaves the inbox and waits in the archive.
	await item.locator('input[name=mark][value=read] + button, form:has(input[value=read]) button').first().click();
	await expect(item.locator('form:has(input[value=unread]) button')).toBeVisible();
	await item.locator('form:has(input[value=archive]) button').click();
	await expect(page.getByRole('heading', { name: subject })).toHaveCount(0);
	await gotoReady(page, '/orgs/pulsewise/inbox?view=archived');
	await expect(page.getByRole('heading', { name: subject })).toBeVisible();
	await expectNoAxeViolations(page);
	await admin.close();
});

test('a plain member cannot open the organisation inbox', async ({ page }) => {
	test.setTimeout(90_000);
	await signIn(page, demo.startup);
	// The page's own cookies, without waiting for a whole error page to load on a busy machine.
	const response = await page.request.get('/orgs/pulsewise/inbox');
	expect(response.status()).toBe(403);
	// A slug no organisation can have (a NUL byte, an upper-case letter) is not found, never a 500.
	for (const slug of ['pulse%00wise', 'PulseWise'])
		expect((await page.request.get(`/orgs/${slug}/inbox`)).status()).toBe(404);
});
