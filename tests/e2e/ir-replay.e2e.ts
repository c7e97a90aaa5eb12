// The demo's past sessions have a replay right after the first start (issue #14): a registrant finds
// it from the session page, it plays and seeks (Range), the chapter list jumps, the page is
// axe-clean and fits 360 px; a member who did not register gets 404 for the page and the file.
import { expect, test, type Page } from '@playwright/test';
import { demo, gotoReady, pageAs } from './support/accounts';
import { expectNoAxeViolations } from './support/axe';

const videoTimes = (page: Page) =>
	page
		.getByTestId('replay-video')
		.first()
		.evaluate((v: HTMLVideoElement) => ({ time: v.currentTime, duration: v.duration }));

test('a seeded past session replays for its registrant; strangers get 404', async ({ browser }) => {
	test.setTimeout(180_000);
	const investor = await pageAs(browser, demo.investor);
	await gotoReady(investor, '/ir?tab=past');
	await investor.getByRole('link', { name: /바이탈패치 시드 라운드/ }).click();
	await investor.waitForURL(/\/ir\/[0-9a-f-]{36}$/);
	const session = new URL(investor.url()).pathname;
	// The demo recordings are made by ffmpeg in the background after the first start.
	await expect(async () => {
		await gotoReady(investor, session);
		await expect(investor.getByRole('link', { name: '다시 보기' })).toBeVisible({ timeout: 1000 });
	}).toPass({ timeout: 90_000 });
	await investor.getByRole('link', { name: '다시 보기' }).click();
	await expect(investor.getByRole('heading', { name: '다시 보기', level: 1 })).toBeVisible();
	await investor.locator('body[data-hydrated="true"]').waitFor();
	await expectNoAxeViolations(investor);

	await investor
		.getByTestId('replay-video')
		.first()
		.evaluate((v: HTMLVideoElement) => {
			v.muted = true;
			return v.play();
		});
	await expect.poll(async () => (await videoTimes(investor)).time, { timeout: 20_000 }).toBeGreaterThan(1);
	expect((await videoTimes(investor)).duration).toBeCloseTo(20, 0);
	const chapter = investor.getByRole('button', { name: /gross margin per patch/ });
	const startMs = Number(await chapter.getAttribute('data-start-ms'));
	await investor
		.getByTestId('replay-video')
		.first()
		.evaluate((v: HTMLVideoElement) => v.pause());
	await chapter.click();
	await expect
		.poll(async () => (await videoTimes(investor)).time, { timeout: 5_000 })
		.toBeGreaterThanOrEqual(startMs / 1000 - 0.1);

	await investor.setViewportSize({ width: 360, height: 740 });
	expect(await investor.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

	const replay = new URL(investor.url()).pathname;
	const src = await investor.locator('[data-testid="replay-video"] source').first().getAttribute('src');
	const part = await investor.request.get(src!, { headers: { range: 'bytes=0-1023' } });
	expect(part.status()).toBe(206);

	// A member who did not register (hospital staff): 404 for the page, the file and the API.
	const stranger = await pageAs(browser, demo.hospital);
	expect((await stranger.goto(replay))?.status()).toBe(404);
	expect((await stranger.request.get(src!)).status()).toBe(404);
	const eventId = replay.split('/')[2];
	expect((await stranger.request.get(`/api/v1/ir/events/${eventId}/recording`)).status()).toBe(404);
	const api = await investor.request.get(`/api/v1/ir/events/${eventId}/recording`);
	expect(api.status()).toBe(200);
	const body = await api.json();
	expect(body.status).toBe('ready');
	expect(body.recordings[0].chapters.length).toBeGreaterThanOrEqual(1);
});
