// Issue 21, journeys that stopped people: the free-slot finder with a blank date, and feedback where
// the action happened on a long manager page seen on a phone.
import { expect, test } from '@playwright/test';
import { demo, gotoReady } from './support/accounts';
import { signIn } from './support/accounts';

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
