// The deck room end to end: the registered investor reads the seeded NDA session's deck page by page
// (watermarked images, no download under the NDA), and the presenting team sees the reading in the
// session's analytics and downloads it as CSV. axe on both pages, 360 px wide.
import { expect, test } from '@playwright/test';
import { demo, gotoReady, pageAs } from './support/accounts';
import { expectNoAxeViolations } from './support/axe';

test('an investor reads the deck in the deck room; the team sees the reading per firm', async ({ browser }) => {
	test.setTimeout(180_000);
	const investor = await pageAs(browser, demo.investor);
	await investor.setViewportSize({ width: 360, height: 740 });
	await gotoReady(investor, '/ir');
	await investor
		.getByRole('link', { name: /펄스와이즈 시리즈 A/ })
		.first()
		.click();
	await expect(investor).toHaveURL(/\/ir\/[0-9a-f-]{36}$/);
	const path = new URL(investor.url()).pathname;
	await investor.getByRole('link', { name: '덱 열람실에서 보기' }).click();
	await expect(investor).toHaveURL(`${path}/deck`);

	// The job renders the seeded deck after start; the page looks again until the viewer is there.
	const viewer = investor.getByRole('region', { name: '피치덱 뷰어' });
	await expect(viewer).toBeVisible({ timeout: 60_000 });
	await expect(viewer).toContainText('1페이지 중 1페이지');
	const image = viewer.getByRole('img', { name: '덱 1/1 페이지' });
	await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
	await expect(investor.getByRole('link', { name: 'PDF 내려받기' })).toHaveCount(0);
	expect((await investor.request.get(`${path}/deck/pdf`)).status()).toBe(403);
	expect((await investor.request.get(`${path}/deck/pages/2`)).status()).toBe(404);
	await viewer.focus();
	await investor.keyboard.press('ArrowRight'); // the last page: stays
	await expect(viewer).toContainText('1페이지 중 1페이지');
	await expectNoAxeViolations(investor);
	await investor.waitForTimeout(3000);
	// Leaving the room sends the page-leave beat (a beacon); the team's analytics then show the firm.
	await investor.getByRole('link', { name: '세션으로 돌아가기' }).click();
	await expect(investor).toHaveURL(path);

	const admin = await pageAs(browser, demo.startupAdmin);
	await expect
		.poll(
			async () => {
				await gotoReady(admin, `${path}/analytics`);
				return admin.getByTestId('deck-analytics').locator('tbody tr').count();
			},
			{ timeout: 30_000 }
		)
		.toBeGreaterThan(0);
	await expectNoAxeViolations(admin);
	const csv = await admin.request.get(`${path}/deck.csv`);
	expect(csv.status()).toBe(200);
	expect(await csv.text()).toContain('투자사');
	expect((await investor.request.get(`${path}/deck.csv`)).status()).toBe(404);
});
