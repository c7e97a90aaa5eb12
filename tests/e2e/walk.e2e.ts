// Issue 21 walk-through: the phone filter drawer, tables as cards, regions and "did you mean", the
// facility manager's bulk decisions, the home per role, and (issue 19) a needs thread marked read
// only when the reader says so.
import { expect, test, type Browser, type Page } from '@playwright/test';
import { demo, gotoReady, signIn } from './support/accounts';
import { expectNoAxeViolations } from './support/axe';

test.describe.configure({ timeout: 150_000 });

async function phone(browser: Browser, width = 390, email?: string) {
	const context = await browser.newContext({ viewport: { width, height: 800 } });
	const page = await context.newPage();
	if (email) await signIn(page, email);
	return page;
}

const noSidewaysScroll = (page: Page) =>
	page.evaluate(() => {
		const boxes = [document.documentElement, ...document.querySelectorAll<HTMLElement>('.table-scroll')];
		return boxes
			.filter((el) => el.scrollWidth > el.clientWidth)
			.map((el) => `${el.className || el.tagName}: ${el.scrollWidth} > ${el.clientWidth}`);
	});

test('on a phone the directory filters open in a drawer: keyboard, focus kept and returned, one Apply button', async ({
	browser
}) => {
	const page = await phone(browser);
	await gotoReady(page, '/directory');
	const opener = page.getByRole('button', { name: /^필터/ });
	await expect(opener).toBeVisible();
	// The button sits above the results, not 5,000 px below them.
	const [button, firstResult] = await Promise.all([
		opener.boundingBox(),
		page.locator('main ol.card-list li').first().boundingBox()
	]);
	expect(button!.y).toBeLessThan(firstResult!.y);
	await expect(page.locator('dialog.drawer')).toBeHidden();

	await opener.focus();
	await page.keyboard.press('Enter');
	const drawer = page.getByRole('dialog', { name: '검색 조건' });
	await expect(drawer).toBeVisible();
	await expectNoAxeViolations(page);
	// Focus stays inside the modal drawer however far one tabs.
	for (let i = 0; i < 15; i++) {
		await page.keyboard.press('Tab');
		expect(await page.evaluate(() => !!document.activeElement?.closest('dialog[open]'))).toBe(true);
	}
	// Ticking waits for Apply: the URL does not change yet.
	const before = page.url();
	await drawer.locator('input[type=checkbox][name=kind]').first().check();
	expect(page.url()).toBe(before);
	await drawer.getByRole('button', { name: '조건 적용' }).click();
	await expect(page).toHaveURL(/kind=/);
	await expect(drawer).toBeHidden();
	await expect(page.getByRole('button', { name: '필터 (1)' })).toBeVisible();

	// Escape closes it and gives focus back to the button.
	await page.getByRole('button', { name: '필터 (1)' }).click();
	await expect(drawer).toBeVisible();
	await page.keyboard.press('Escape');
	await expect(drawer).toBeHidden();
	await expect(page.getByRole('button', { name: '필터 (1)' })).toBeFocused();
	expect(await noSidewaysScroll(page)).toEqual([]);

	await page.context().close();
});

test('/needs and /ir have the same drawer on a phone', async ({ browser }) => {
	const page = await phone(browser, 390, demo.startup);
	for (const path of ['/needs', '/ir']) {
		await gotoReady(page, path);
		await page.getByRole('button', { name: /^필터/ }).click();
		const drawer = page.locator('dialog.drawer[open]');
		await expect(drawer).toBeVisible();
		await expect(drawer.locator('select').first()).toBeVisible();
		await expectNoAxeViolations(page);
		await drawer.getByRole('button', { name: '적용' }).click();
		await expect(drawer).toBeHidden();
		expect(await noSidewaysScroll(page), path).toEqual([]);
	}
	await page.context().close();
});

test('on a wide screen the filters stay in the page and the drawer button is not shown', async ({ page }) => {
	await page.setViewportSize({ width: 1280, height: 900 });
	await gotoReady(page, '/directory');
	await expect(page.getByRole('button', { name: /^필터/ })).toBeHidden();
	await expect(page.locator('main aside input[type=checkbox]').first()).toBeVisible();
});

test('admin and manager tables are cards at 360 px with no sideways scroll; a row is approved inline', async ({
	browser
}) => {
	const manager = await phone(browser, 360, demo.facility);
	for (const path of ['/testbed/manage/resources', '/testbed/manage']) {
		await gotoReady(manager, path);
		await expect(manager.locator('main table').first()).toBeVisible();
		expect(await noSidewaysScroll(manager), path).toEqual([]);
		await expectNoAxeViolations(manager);
	}
	// Inline, on its own row (a resource no other test books), which also writes the audit log read below.
	const row = manager.locator('main table tbody tr').filter({ hasText: '전기안전 분석기' }).first();
	const href = (await row.locator('th a').getAttribute('href'))!;
	await row.getByRole('button', { name: /^승인/ }).click();
	await expect(manager.locator('main [role=status]').first()).toContainText('1건을 승인했습니다');
	await gotoReady(manager, href);
	await expect(manager.locator('main')).toContainText(/확정/);
	await manager.context().close();

	const operator = await phone(browser, 360, demo.operator);
	for (const path of ['/admin/audit', '/admin/users']) {
		await gotoReady(operator, path);
		await expect(operator.locator('main table').first()).toBeVisible();
		expect(await noSidewaysScroll(operator), path).toEqual([]);
	}
	// The audit log speaks in words: the action is not only its code.
	await gotoReady(operator, '/admin/audit');
	const action = operator.locator('main table tbody tr').first().locator('td').nth(2);
	const code = (await action.locator('code').textContent())!.trim();
	expect((await action.textContent())!.replace(code, '').trim().length).toBeGreaterThan(1);
	await expectNoAxeViolations(operator);
	await operator.context().close();
});

test('원주 and Wonju find the same organisations, shown in the reader language', async ({ browser }) => {
	const page = await phone(browser, 1280);
	const slugs = async (q: string) => {
		await gotoReady(page, `/directory?q=${encodeURIComponent(q)}&sort=name`);
		return (
			await page.locator('main ol.card-list h3 a').evaluateAll((links) => links.map((a) => a.getAttribute('href')))
		).sort();
	};
	const korean = await slugs('원주');
	expect(await slugs('Wonju')).toEqual(korean);
	// Every organisation whose region is Wonju is found by the word, whatever other tests
	// have edited before this one (the keyboard profile test moves one organisation's region).
	await gotoReady(page, '/directory?region=Gangwon+(Wonju)&sort=name');
	const inRegion = await page
		.locator('main ol.card-list h3 a')
		.evaluateAll((links) => links.map((a) => a.getAttribute('href')));
	expect(inRegion.length).toBeGreaterThanOrEqual(5);
	expect(korean).toEqual(expect.arrayContaining(inRegion));
	await expect(page.locator('main ol.card-list').first()).toContainText('강원 (원주)');
	await page.context().close();

	const englishContext = await browser.newContext({ locale: 'en-GB', extraHTTPHeaders: { 'accept-language': 'en' } });
	const english = await englishContext.newPage();
	await gotoReady(english, '/directory?region=Gangwon+(Wonju)');
	await expect(english.locator('main ol.card-list').first()).toContainText('Gangwon (Wonju)');
	await english.context().close();
});

test('a search with no hits suggests a spelling and keeps the filters', async ({ page }) => {
	await page.setViewportSize({ width: 1280, height: 900 });
	await gotoReady(page, '/directory?q=wonjoo');
	const suggestion = page.getByTestId('did-you-mean');
	await expect(suggestion).toContainText('wonju');
	await expect(page.locator('main aside fieldset').first()).toBeVisible();
	await expectNoAxeViolations(page);
	await suggestion.getByRole('link').click();
	await expect(page).toHaveURL(/q=wonju(&|$)/);
	await expect(page.locator('main ol.card-list li').first()).toBeVisible();
	await gotoReady(page, '/directory?q=helth');
	await expect(page.getByTestId('did-you-mean')).toContainText('health');
});

test('a facility manager approves ticked requests together, and the home shows what waits per role', async ({
	browser
}) => {
	const manager = await phone(browser, 1280, demo.facility);
	await gotoReady(manager, '/');
	await expect(manager.locator('main a[href="/testbed/manage"]').first()).toBeVisible();
	await gotoReady(manager, '/testbed/manage');
	// Rows of resources no other test books, so parallel tests never lose their pending booking.
	const rows = manager
		.locator('main table tbody tr')
		.filter({ hasText: /환자 시뮬레이터|전자파 차폐실|EMC 사전 시험 장비/ });
	const count = await rows.count();
	expect(count).toBeGreaterThanOrEqual(2);
	const links = await rows.locator('th a').evaluateAll((as) => as.slice(0, 2).map((a) => a.getAttribute('href')!));
	for (const href of links) await manager.locator(`main tr:has(a[href="${href}"]) input[name=ids]`).check();
	await expect(manager.getByRole('button', { name: '선택한 요청 승인 (2)' })).toBeVisible();
	// Rejecting without a reason is refused with a message, and nothing changes.
	await manager.getByRole('button', { name: '선택한 요청 거절 (2)' }).click();
	await expect(manager.locator('#bulk-reason')).toHaveAttribute('aria-invalid', 'true');
	for (const href of links) await manager.locator(`main tr:has(a[href="${href}"]) input[name=ids]`).check();
	await manager.getByRole('button', { name: '선택한 요청 승인 (2)' }).click();
	await expect(manager.locator('main [role=status]').first()).toContainText('2건을 승인했습니다');
	for (const href of links) await expect(manager.locator(`main table a[href="${href}"]`)).toHaveCount(1); // now among the upcoming, confirmed
	await gotoReady(manager, links[0]);
	await expect(manager.locator('main')).toContainText(/확정/);
	// The reschedule form starts from the booking's own date and time.
	await expect(manager.locator('#move-date')).not.toHaveValue('');
	await expect(manager.locator('#move-time')).not.toHaveValue('');
	await manager.context().close();

	// A member who manages nothing has no approvals on the home and no queue.
	const member = await phone(browser, 1280, demo.startup);
	await gotoReady(member, '/');
	await expect(member.locator('main a[href="/testbed/manage"]')).toHaveCount(0);
	expect((await member.goto('/testbed/manage'))?.status()).toBe(403);
	await member.context().close();
});

test('a needs thread is marked read only when the reader says so, never by opening it', async ({ browser }) => {
	const signedIn = await phone(browser, 1280, demo.hospital);
	const state = await signedIn.context().storageState();
	await signedIn.context().close();
	// Without JavaScript no socket says "read": only the page load and the explicit button remain.
	const context = await browser.newContext({ storageState: state, javaScriptEnabled: false, locale: 'ko-KR' });
	const page = await context.newPage();
	await page.goto('/');
	const thread = page.locator('main a[href*="/responses/"]').first();
	await expect(thread).toBeVisible();
	const href = (await thread.getAttribute('href'))!;
	await page.goto(href);
	const markRead = page.getByRole('button', { name: /읽음으로 표시/ });
	await expect(markRead).toBeVisible();
	await page.reload();
	await expect(markRead).toBeVisible();
	await page.goto('/');
	await expect(page.locator(`main a[href="${href}"]`)).toHaveCount(1);
	await page.goto(href);
	await markRead.click();
	await expect(page.getByRole('button', { name: /읽음으로 표시/ })).toHaveCount(0);
	await page.goto('/');
	await expect(page.locator(`main a[href="${href}"]`)).toHaveCount(0);
	await context.close();
});
