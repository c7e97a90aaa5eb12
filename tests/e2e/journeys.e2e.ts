// Issue 21, journeys that stopped people: the free-slot finder with a blank date, and feedback where
// the action happened on a long manager page seen on a phone, error pages with a next step, and
// asking before an action that is hard to undo.
import { expect, test } from '@playwright/test';
import { demo, gotoReady, pageAs, signIn } from './support/accounts';
import { expectNoAxeViolations } from './support/axe';

test('the free-slot finder starts today when the date is left blank', async ({ page }) => {
	await gotoReady(page, '/testbed');
	const from = page.locator('input[name=from]');
	// Filled in with today, and left blank on purpose it still searches from today.
	await expect(from).not.toHaveValue('');
	await from.fill('');
	await page.locator('input[name=hours]').fill('1');
	await page.getByRole('button', { name: '빈 장비 찾기' }).click();
	await expect(page).toHaveURL(/hours=1/);
	await expect(page.getByText('검색 조건 일부가 올바르지 않아')).toHaveCount(0);
	const heading = page.getByRole('heading', { name: /비어 있는 장비 \d+개/ });
	await expect(heading).toBeVisible();
	expect(Number((await heading.textContent())?.match(/\d+/)?.[0])).toBeGreaterThan(0);
});

test('on a phone, saving a long form shows the outcome where the person is', async ({ browser }) => {
	const context = await browser.newContext({ viewport: { width: 390, height: 700 } });
	const manager = await context.newPage();
	await signIn(manager, demo.facility);
	await gotoReady(manager, '/testbed/manage/resources');
	await manager.locator('main a[href^="/testbed/manage/resources/"]:not([href$="/new"])').first().click();
	await manager.locator('body[data-hydrated="true"]').waitFor();
	const hours = manager.locator('form[action="?/hours"]');
	await hours.locator('button[type=submit]').scrollIntoViewIfNeeded();
	await hours.locator('button[type=submit]').click();
	// The banner at the top is out of sight; the polite toast repeats it beside the action.
	const toast = manager.locator('.toast-region');
	await expect(toast).toHaveAttribute('aria-live', 'polite');
	await expect(toast).toContainText(/저장했습니다|Saved/);
	await expect(toast.locator('.toast')).toBeInViewport();

	// A refused save puts focus on the first field in error.
	const resource = manager.locator('form[action="?/save"]');
	await resource.locator('#res-slot_minutes').fill('30');
	await resource.locator('#res-min_minutes').fill('45');
	await resource.locator('button[type=submit]').click();
	await expect(resource.locator('#res-min_minutes')).toBeFocused();
	await context.close();
});

test('error pages speak the design system and say where to go next', async ({ browser, page }) => {
	const missing = await page.goto('/orgs/no-such-organisation');
	expect(missing?.status()).toBe(404);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('페이지를 찾을 수 없습니다');
	await expect(page.locator('main a[href="/directory"]')).toHaveText('기관 찾기 페이지로 가기');
	await expect(page.locator('main a[href="/"]')).toBeVisible();
	await expectNoAxeViolations(page);

	// Signed in but not a facility manager: refused, with the testbed as the next step.
	const member = await pageAs(browser, demo.startup);
	expect((await member.goto('/testbed/reports'))?.status()).toBe(403);
	await expect(member.getByRole('heading', { level: 1 })).toHaveText('이 페이지를 볼 수 없습니다');
	await expect(member.locator('main a[href="/testbed"]')).toBeVisible();
	await expectNoAxeViolations(member);
	await member.context().close();
});

test('a course manager is asked before cancelling a trainee, and saying no changes nothing', async ({ browser }) => {
	const manager = await pageAs(browser, 'courses@medcluster.example');
	await gotoReady(manager, '/courses/manage');
	// The first cohort that has a trainee to cancel (other tests add cohorts, and cancel some).
	const cohorts = await manager
		.locator('main tbody a[href^="/courses/manage/cohorts/"]')
		.evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
	for (const href of cohorts) {
		await gotoReady(manager, href);
		if ((await manager.locator('form[action="?/cancel"]').count()) > 0) break;
	}
	const cancel = manager.locator('form[action="?/cancel"]').first();
	await expect(cancel).toBeVisible();
	const before = await manager.locator('form[action="?/cancel"]').count();
	let asked = '';
	manager.once('dialog', (dialog) => {
		asked = dialog.message();
		void dialog.dismiss();
	});
	await cancel.locator('button[type=submit]').click();
	await expect.poll(() => asked).toContain('수강을 취소할까요');
	await expect(manager.locator('main [role=status]')).toHaveCount(0);
	expect(await manager.locator('form[action="?/cancel"]').count()).toBe(before);
	await manager.context().close();
});

test('a member sees their credentials and certificates, and a home that lists what is coming up', async ({
	browser
}) => {
	const member = await pageAs(browser, demo.startup);
	await gotoReady(member, '/settings');
	await member.getByRole('link', { name: '내 자격과 수료증' }).click();
	await expect(member).toHaveURL(/\/settings\/credentials$/);
	// The seed gives this account two credentials; until now they showed nowhere.
	await expect(member.getByTestId('credentials').locator('li')).toHaveCount(2);
	await expect(member.getByTestId('credentials')).toContainText('유효');
	await expectNoAxeViolations(member);

	await gotoReady(member, '/');
	await expect(member.getByRole('heading', { name: '다가오는 일정' })).toBeVisible();
	await expect(member.locator('main a[href="/schedule"]')).toBeVisible();
	await expectNoAxeViolations(member);
	await member.context().close();

	// Somebody signed out is sent to sign in, not shown anyone's holdings.
	const visitor = await browser.newPage();
	await visitor.goto('/settings/credentials');
	await expect(visitor).toHaveURL(/\/login/);
	await visitor.close();
});

test('the audit log reads as words and as cards on a phone', async ({ browser }) => {
	const context = await browser.newContext({ viewport: { width: 390, height: 800 } });
	const operator = await context.newPage();
	await signIn(operator, demo.operator);
	await gotoReady(operator, '/admin/audit');
	const firstRow = operator.locator('main table tbody tr').first();
	await expect(firstRow).toBeVisible();
	// The action in words beside its code, and no cell squeezed to a letter a line.
	await expect(firstRow.locator('td').nth(2).locator('code')).toBeVisible();
	const width = await firstRow
		.locator('td')
		.nth(2)
		.evaluate((td) => td.getBoundingClientRect().width);
	expect(width).toBeGreaterThan(250);
	expect(await operator.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
	await context.close();
});

test('the footer stays at the bottom of a short page on a tall screen', async ({ browser }) => {
	const context = await browser.newContext({ viewport: { width: 1280, height: 1600 } });
	const page = await context.newPage();
	await page.goto('/no-such-page');
	const footer = await page.locator('footer.site-footer').boundingBox();
	expect(footer).not.toBeNull();
	expect(Math.round(footer!.y + footer!.height)).toBeGreaterThanOrEqual(1599);
	await context.close();
});
