// Resource photos (issue 18): a facility manager uploads a photo with alt text in both languages,
// bad files are refused with a message, the order changes from the keyboard, and members see the
// photo on the resource page and as the list's thumbnail (at 360 px too); others cannot manage it.
import { expect, test, type Page } from '@playwright/test';
import sharp from 'sharp';
import { demo, gotoReady, pageAs } from './support/accounts';
import { expectNoAxeViolations } from './support/axe';

const photo = (r: number, g: number, b: number) =>
	sharp({ create: { width: 1200, height: 800, channels: 3, background: { r, g, b } } })
		.png()
		.toBuffer();

async function expectNoHorizontalScroll(page: Page) {
	await page.setViewportSize({ width: 360, height: 800 });
	const overflow = await page.evaluate(
		() => document.documentElement.scrollWidth - document.documentElement.clientWidth
	);
	expect(overflow).toBeLessThanOrEqual(0);
	await page.setViewportSize({ width: 1280, height: 800 });
}

async function upload(
	page: Page,
	file: { name: string; mimeType: string; buffer: Buffer },
	altKo: string,
	altEn: string
) {
	await page.locator('#photo-file').setInputFiles(file);
	await page.locator('#photo-alt-ko').fill(altKo);
	await page.locator('#photo-alt-en').fill(altEn);
	await page.locator('form[action="?/upload"] button[type=submit]').click();
}

test('a facility manager adds photos that members see on the resource page and in the list', async ({ browser }) => {
	test.setTimeout(120_000);
	const manager = await pageAs(browser, demo.facility);
	const slug = `e2e-photo-${Date.now().toString(36)}`;
	const name = `E2E 사진 자원 ${slug.slice(-5)}`;
	await gotoReady(manager, '/testbed/manage/resources/new');
	await manager.locator('#res-name-ko').fill(name);
	await manager.locator('#res-name-en').fill('E2E photo resource');
	await manager.locator('#res-slug').fill(slug);
	await manager.locator('main form button[type=submit]').click();
	await expect(manager).toHaveURL(/\/testbed\/manage\/resources\/[0-9a-f-]+\?saved=1$/);
	await manager.getByRole('link', { name: '사진 관리' }).click();
	await expect(manager.getByRole('heading', { level: 1 })).toHaveText('자원 사진');
	const photosPath = new URL(manager.url()).pathname;
	await expectNoAxeViolations(manager);

	// An SVG and a text file named .png are refused with a message; nothing is added.
	for (const file of [
		{
			name: 'bench.svg',
			mimeType: 'image/svg+xml',
			buffer: Buffer.from(
				'<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"><script>alert(1)</script></svg>'
			)
		},
		{ name: 'bench.png', mimeType: 'image/png', buffer: Buffer.from('This is a text file with a .png name') }
	]) {
		await upload(manager, file, '작업대', 'Bench');
		await expect(manager.locator('main [role=alert]')).toContainText('PNG, JPEG, WebP 사진만 올릴 수 있습니다');
	}
	await expect(manager.getByTestId('manage-photos')).toHaveCount(0);

	// Alt text is required in both languages (the browser's own check is bypassed to reach the server's).
	await manager.locator('form[action="?/upload"]').evaluate((form) => form.setAttribute('novalidate', ''));
	await upload(
		manager,
		{ name: 'bench.png', mimeType: 'image/png', buffer: await photo(20, 120, 160) },
		'작업대 위 심전도 시뮬레이터',
		''
	);
	await expect(manager.locator('#photo-alt-en-error')).toContainText('영어 대체 텍스트를 입력해 주세요');

	await upload(
		manager,
		{ name: 'bench.png', mimeType: 'image/png', buffer: await photo(20, 120, 160) },
		'작업대 위 심전도 시뮬레이터',
		'ECG simulator on a bench'
	);
	await expect(manager.locator('main [role=status]').first()).toContainText('사진을 추가했습니다');
	await upload(
		manager,
		{ name: 'room.png', mimeType: 'image/png', buffer: await photo(200, 160, 40) },
		'시험실 전경',
		'The test room'
	);
	const items = manager.getByTestId('manage-photos').locator('> li');
	await expect(items).toHaveCount(2);
	await expect(items.nth(1).locator('img')).toHaveAttribute('alt', '시험실 전경');

	// The second photo moves first, from the keyboard.
	await manager.getByRole('button', { name: '2번째 사진을 앞으로 옮기기' }).focus();
	await manager.keyboard.press('Enter');
	await expect(items.first().locator('img')).toHaveAttribute('alt', '시험실 전경');
	await expectNoAxeViolations(manager);

	// Members (and visitors) see the photos on the resource page: a gallery whose links switch the photo.
	const member = await pageAs(browser, demo.startup);
	await gotoReady(member, `/testbed/resources/${slug}`);
	const gallery = member.getByTestId('resource-gallery');
	await expect(gallery.locator('figure img')).toHaveAttribute('alt', '시험실 전경');
	await gallery.getByRole('link', { name: /2번째 사진 보기/ }).focus();
	await member.keyboard.press('Enter');
	await expect(gallery.locator('figure img')).toHaveAttribute('alt', '작업대 위 심전도 시뮬레이터');
	await expect(gallery.locator('figcaption')).toHaveText('2장 중 2번째');
	const src = (await gallery.locator('figure img').getAttribute('src'))!;
	const response = await member.request.get(src);
	expect(response.status()).toBe(200);
	expect(response.headers()['content-type']).toBe('image/webp');
	expect(response.headers()['x-content-type-options']).toBe('nosniff');
	await expectNoAxeViolations(member);
	await expectNoHorizontalScroll(member);

	// The list shows the first photo as the card's thumbnail, at 360 px too.
	await gotoReady(member, `/testbed?q=${encodeURIComponent(name)}`);
	const card = member.locator('article.resource').filter({ hasText: name });
	await expect(card.locator('img.cover')).toHaveAttribute('alt', '시험실 전경');
	await expect.poll(() => card.locator('img.cover').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(480);
	await expectNoHorizontalScroll(member);
	await expectNoAxeViolations(member);

	// Someone who does not manage the facility can neither open the page nor post to it.
	expect((await member.goto(photosPath))?.status()).toBe(403);
	const refused = await member.request.post(`${photosPath}?/upload`, {
		multipart: {
			photo: { name: 'x.png', mimeType: 'image/png', buffer: await photo(1, 2, 3) },
			alt_ko: '가',
			alt_en: 'a'
		},
		headers: { origin: new URL(member.url()).origin, accept: 'application/json', 'x-sveltekit-action': 'true' }
	});
	expect(await refused.json()).toMatchObject({ type: 'failure', status: 403 });
	await manager.reload();
	await expect(items).toHaveCount(2);
	await member.context().close();
	await manager.context().close();
});
