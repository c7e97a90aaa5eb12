// Issue 21, last items: the facility manager's week calendar, and the sticky save bar of long forms.
import { expect, test, type Browser, type Page } from '@playwright/test';
import { demo, gotoReady, signIn } from './support/accounts';
import { expectNoAxeViolations } from './support/axe';

test.describe.configure({ timeout: 150_000 });

async function as(browser: Browser, width: number, email: string) {
	const context = await browser.newContext({ viewport: { width, height: 760 } });
	const page = await context.newPage();
	await signIn(page, email);
	return page;
}

const sidewaysOverflow = (page: Page) =>
	page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

test('a facility manager sees the week of their facility, day by day, and moves between weeks without JS', async ({
	browser
}) => {
	const manager = await as(browser, 1280, demo.facility);
	await gotoReady(manager, '/testbed/manage');
	await manager.getByRole('link', { name: '시설 캘린더' }).click();
	await expect(manager).toHaveURL(/\/testbed\/manage\/calendar/);
	await expect(manager.getByRole('heading', { level: 1 })).toContainText('시설 캘린더');
	await expect(manager.locator('main ol.days > li h3')).toHaveCount(7);
	await expectNoAxeViolations(manager);

	const heading = await manager.locator('#week-title').textContent();
	await manager.getByRole('link', { name: /다음 주/ }).click();
	await expect(manager).toHaveURL(/week=\d{4}-\d{2}-\d{2}/);
	await expect(manager.locator('#week-title')).not.toHaveText(heading ?? '');
	await manager.getByRole('link', { name: /이전 주/ }).click();
	await expect(manager.locator('#week-title')).toHaveText(heading ?? '');

	// Server-rendered: the page and its week links work with JavaScript off.
	const noJs = await manager
		.context()
		.browser()!
		.newContext({
			javaScriptEnabled: false,
			storageState: await manager.context().storageState(),
			viewport: { width: 360, height: 760 }
		});
	const plain = await noJs.newPage();
	await plain.goto('/testbed/manage/calendar?week=2026-03-04');
	await expect(plain.locator('main ol.days > li h3')).toHaveCount(7);
	await expect(plain.locator('a[rel=next]')).toHaveAttribute('href', /week=2026-03-09/);
	expect(await sidewaysOverflow(plain)).toBeLessThanOrEqual(0);
	await noJs.close();
	await manager.context().close();
});

test('the calendar is not for a member who manages no facility', async ({ browser }) => {
	const member = await as(browser, 1280, demo.investor);
	const response = await member.goto('/testbed/manage/calendar');
	expect(response?.status()).toBe(403);
	await member.context().close();
});

test('at 360 px the calendar has no sideways scroll and stays axe-clean', async ({ browser }) => {
	const manager = await as(browser, 360, demo.facility);
	await gotoReady(manager, '/testbed/manage/calendar');
	expect(await sidewaysOverflow(manager)).toBeLessThanOrEqual(0);
	await expectNoAxeViolations(manager);
	await manager.context().close();
});

test('on a phone the save bar of a long form stays in view while scrolled, and saving keeps the value', async ({
	browser
}) => {
	const manager = await as(browser, 390, demo.facility);
	await gotoReady(manager, '/testbed/manage/resources');
	await manager.locator('main a[href^="/testbed/manage/resources/"]:not([href$="/new"])').first().click();
	await manager.locator('body[data-hydrated="true"]').waitFor();
	const form = manager.locator('form[action="?/save"]');
	const bar = form.locator('.form-actions-bar');
	// Scrolled to a field in the middle of the long form: its end is below the screen, the bar is not.
	const field = form.locator('#res-rules-en');
	await field.scrollIntoViewIfNeeded();
	const viewport = manager.viewportSize()!;
	const [formBox, barBox] = await Promise.all([form.boundingBox(), bar.boundingBox()]);
	expect(formBox!.y + formBox!.height).toBeGreaterThan(viewport.height);
	expect(barBox!.y + barBox!.height).toBeLessThanOrEqual(viewport.height + 1);
	expect(barBox!.y).toBeGreaterThan(0);
	await expect(bar.locator('button[type=submit]')).toBeInViewport();
	// A field that sits under the bar when it gets focus is scrolled clear of it (scroll-padding), not
	// left hidden: put it at the bottom edge, where the bar covers it, then focus it.
	expect(await manager.evaluate(() => getComputedStyle(document.documentElement).scrollPaddingBottom)).not.toBe('auto');
	await manager.evaluate(() => {
		const top = document.querySelector('#res-rules-en')!.getBoundingClientRect().top;
		window.scrollBy(0, top - (window.innerHeight - 30));
	});
	await field.focus();
	const fieldBox = await field.boundingBox();
	const barNow = await bar.boundingBox();
	expect(fieldBox!.y + fieldBox!.height <= barNow!.y || fieldBox!.y >= barNow!.y + barNow!.height).toBe(true);
	expect(await sidewaysOverflow(manager)).toBeLessThanOrEqual(0);

	const text = `Sticky bar ${Date.now().toString(36)}`;
	await field.fill(text);
	await Promise.all([
		manager.waitForResponse((r) => r.request().method() === 'POST'),
		bar.locator('button[type=submit]').click()
	]);
	await expect(form.locator('button[aria-busy=true]')).toHaveCount(0);
	await expect(field).toHaveValue(text);
	await expectNoAxeViolations(manager);
	await gotoReady(manager, new URL(manager.url()).pathname);
	await expect(manager.locator('#res-rules-en')).toHaveValue(text);
	await manager.context().close();
});
