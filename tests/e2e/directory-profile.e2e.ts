// An org admin edits the profile (with preview), adds a product and uploads a logo; members cannot edit;
// bad logos are refused with a message; the pages pass axe and the edit form works from the keyboard.
import { expect, test, type Page } from '@playwright/test';
import sharp from 'sharp';
import { demo, gotoReady, pageAs } from './support/accounts';
import { expectNoAxeViolations } from './support/axe';

// Either language: the browser's preference decides which one the portal speaks.
const either = (en: string, ko: string) => new RegExp(`${en}|${ko}`);

test.describe.configure({ mode: 'serial' });

async function tabTo(page: Page, isTarget: () => Promise<boolean>) {
	for (let i = 0; i < 80; i++) {
		await page.keyboard.press('Tab');
		if (await isTarget()) return;
	}
	throw new Error('Never reached the target with Tab');
}

test('the owner edits the profile with a preview, adds a product and uploads a logo', async ({ browser }) => {
	const page = await pageAs(browser, demo.startupAdmin);
	await gotoReady(page, '/orgs/pulsewise/edit');
	await page.locator('#field-descriptionEn').fill('**Wearable ECG** for _everyone_');
	await page.locator('button[formaction="?/preview"]').click();
	const preview = page.locator('section[aria-labelledby="preview-title"]');
	await expect(preview.locator('[lang=en] strong')).toHaveText('Wearable ECG');
	// The preview keeps the draft and saves nothing.
	await expect(page.locator('#field-descriptionEn')).toHaveValue('**Wearable ECG** for _everyone_');
	await page.locator('#field-summaryEn').fill('Arrhythmia patches that last two weeks');
	await page.locator('#field-certifications').fill('ISO 13485, KGMP');
	await page.locator('form[action="?/save"] button[type=submit]:not([formaction])').click();
	await expect(page.getByText(either('Profile saved', '프로필을 저장했습니다'))).toBeVisible();

	await gotoReady(page, '/orgs/pulsewise/products');
	const create = page.locator('form[action="?/create"]');
	await create.locator('#new-nameKo').fill('리듬패치 S');
	await create.locator('#new-nameEn').fill('RhythmPatch S');
	await create.locator('#new-mfdsStatus').selectOption('approved');
	await create.locator('button[type=submit]').click();
	await expect(create.locator('#new-mfdsApprovalNo-error')).toBeVisible();
	await create.locator('#new-mfdsClass').selectOption('2');
	await create.locator('#new-mfdsApprovalNo').fill('제허 26-101호');
	await create.locator('#new-fdaPathway').selectOption('510k');
	await create.locator('button[type=submit]').click();
	await expect(page.locator('main').getByText(either('Product added', '제품을 추가했습니다'))).toBeVisible();

	await gotoReady(page, '/orgs/pulsewise/edit');
	const png = await sharp({ create: { width: 400, height: 400, channels: 4, background: '#0b5c73' } })
		.png()
		.toBuffer();
	await page.locator('#field-logo').setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: png });
	await page.locator('form[action="?/logo"] button[type=submit]').click();
	await expect(page.locator('main').getByText(either('Logo updated', '로고를 바꿨습니다'))).toBeVisible();

	await gotoReady(page, '/orgs/pulsewise');
	await expect(page.getByText('ISO 13485 · KGMP')).toBeVisible();
	const row = page.locator('tr', { hasText: /RhythmPatch S|리듬패치 S/ });
	await expect(row).toContainText('제허 26-101호');
	await expect(row).toContainText('510(k)');
	const logo = page.locator('header img[src^="/media/"]');
	await expect(logo).toBeVisible();
	const response = await page.request.get((await logo.getAttribute('src'))!);
	expect(response.headers()['content-type']).toBe('image/webp');
	expect(response.headers()['x-content-type-options']).toBe('nosniff');
	expect(response.headers()['cache-control']).toContain('immutable');
	expect(await page.evaluate(() => (document.querySelector('header img') as HTMLImageElement).naturalWidth)).toBe(256);
	await page.context().close();
});

test('a renamed non-image and an SVG are refused with a message', async ({ browser }) => {
	const page = await pageAs(browser, demo.startupAdmin);
	await gotoReady(page, '/orgs/pulsewise/edit');
	const files = [
		{ name: 'logo.png', mimeType: 'image/png', buffer: Buffer.from('This is a text file with a .png name') },
		{
			name: 'logo.svg',
			mimeType: 'image/svg+xml',
			buffer: Buffer.from(
				'<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"><script>alert(1)</script></svg>'
			)
		}
	];
	for (const file of files) {
		await page.locator('#field-logo').setInputFiles(file);
		await page.locator('form[action="?/logo"] button[type=submit]').click();
		await expect(
			page.locator('[role=alert]').getByText(either('Only PNG, JPEG or WebP', 'PNG, JPEG, WebP 이미지만'))
		).toBeVisible();
	}
	await page.context().close();
});

test('a member who is not an admin gets 403 on the edit pages and their actions', async ({ browser }) => {
	const page = await pageAs(browser, demo.startup);
	expect((await page.goto('/orgs/pulsewise/edit'))?.status()).toBe(403);
	expect((await page.goto('/orgs/pulsewise/products'))?.status()).toBe(403);
	const origin = new URL(page.url()).origin;
	for (const action of ['edit?/save', 'edit?/preview', 'products?/create']) {
		const response = await page.request.post(`/orgs/pulsewise/${action}`, {
			form: { nameKo: '탈취', nameEn: 'Hijacked', descriptionEn: 'x' },
			headers: { origin, accept: 'application/json' }
		});
		expect((await response.json()).status).toBe(403);
	}
	await page.context().close();
});

test('the profile, edit and products pages pass axe (WCAG 2.1 AA)', async ({ browser }) => {
	const page = await pageAs(browser, demo.startupAdmin);
	for (const path of ['/orgs/pulsewise', '/orgs/pulsewise/edit', '/orgs/pulsewise/products', '/settings']) {
		await gotoReady(page, path);
		await expectNoAxeViolations(page);
	}
	await page.context().close();
});

test('the edit form works with the keyboard alone', async ({ browser }) => {
	const page = await pageAs(browser, demo.startupAdmin);
	await gotoReady(page, '/orgs/pulsewise/edit');
	const focusedId = () => page.evaluate(() => document.activeElement?.id ?? '');
	// The region is a choice from the fixed list: the arrow key picks the next one.
	await tabTo(page, async () => (await focusedId()) === 'field-region');
	await page.keyboard.press('ArrowDown');
	const region = await page
		.locator('#field-region')
		.evaluate((select: HTMLSelectElement) => select.selectedOptions[0]!.text);
	expect(region).not.toBe('');
	await tabTo(page, async () => (await focusedId()).startsWith('field-lookingForPartners'));
	await page.keyboard.press('Space');
	await tabTo(page, () =>
		page.evaluate(
			() => document.activeElement?.matches('form[action="?/save"] button[type=submit]:not([formaction])') ?? false
		)
	);
	await page.keyboard.press('Enter');
	await expect(page.getByText(either('Profile saved', '프로필을 저장했습니다'))).toBeVisible();
	await gotoReady(page, '/orgs/pulsewise');
	await expect(page.locator('main')).toContainText(region);
	await page.context().close();
});
