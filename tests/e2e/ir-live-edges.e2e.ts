// The live room's edges (issue #18) in Chromium with fake devices, inside the network namespace of
// playwright.live.config.ts: a presenter and a promoted speaker who reload come back live by
// themselves while the browser grants the camera (and see one resume button when it would ask), a
// screen share comes and goes on the running connection (twice: the second share reaches the
// viewers too) while the camera keeps decoding at the viewers, and each viewer sees the quality of
// their own connection.
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import pg from 'pg';
import { demo, gotoReady } from './support/accounts';
import { expectNoAxeViolations } from './support/axe';
import { contextAs, createLiveSession, decodingVideos, inboundVideos, sendingVideo } from './support/live-room';

test.skip(process.env.E2E_LIVE_ROOM !== '1', 'runs with playwright.live.config.ts (the last step of npm test)');
// Four Chromium pages with live video on a shared machine: each step may take a while.
test.setTimeout(600_000);

/** Init script: a browser that would ask for camera and microphone again, once the tab sets the flag. */
function askAgainWhenFlagged() {
	const query = navigator.permissions.query.bind(navigator.permissions);
	navigator.permissions.query = ((descriptor: PermissionDescriptor) =>
		sessionStorage.getItem('e2e:ask-again') && ['camera', 'microphone'].includes(descriptor.name)
			? Promise.resolve({ state: 'prompt', name: descriptor.name, onchange: null } as unknown as PermissionStatus)
			: query(descriptor)) as typeof navigator.permissions.query;
}

/** Init script: "sharing the screen" returns a moving canvas (headless Chromium has no screen picker). */
function fakeScreen() {
	navigator.mediaDevices.getDisplayMedia = async () => {
		const canvas = document.createElement('canvas');
		canvas.width = 640;
		canvas.height = 360;
		const g = canvas.getContext('2d')!;
		let tick = 0;
		setInterval(() => {
			tick++;
			g.fillStyle = `hsl(${(tick * 7) % 360} 60% 50%)`;
			g.fillRect(0, 0, 640, 360);
			g.fillStyle = '#fff';
			g.fillRect((tick * 9) % 600, 150, 40, 40);
		}, 33);
		return canvas.captureStream(30);
	};
}

let db: pg.Client;
const contexts: BrowserContext[] = [];

test.beforeAll(async () => {
	db = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
	await db.connect();
});

test.afterAll(async () => {
	for (const context of contexts) await context.close();
	await db?.end();
});

async function open(
	browser: Parameters<typeof contextAs>[0],
	email: string,
	path: string,
	options: Parameters<typeof contextAs>[2] = {}
): Promise<Page> {
	const opened = await contextAs(browser, email, options);
	contexts.push(opened.context);
	await gotoReady(opened.page, path);
	return opened.page;
}

const controls = (page: Page) => page.locator('section[aria-labelledby="controls-title"]');

test('a presenter and a promoted speaker who reload come back live by themselves; otherwise one resume button', async ({
	browser
}) => {
	const eventId = await createLiveSession(db, '새로고침 복귀 테스트', [demo.investor, demo.hospital]);
	const live = `/ir/${eventId}/live`;
	const presenter = await open(browser, demo.startupAdmin, live, { granted: true, init: [askAgainWhenFlagged] });
	const moderator = await open(browser, demo.operator, live);
	const viewer = await open(browser, demo.investor, live);
	const speaker = await open(browser, demo.hospital, live, { granted: true });

	await presenter.getByRole('button', { name: '방송 시작' }).click();
	await expect.poll(() => decodingVideos(viewer), { timeout: 45_000 }).toBeGreaterThanOrEqual(1);

	// Reload while the browser grants the camera: live again without a click.
	await presenter.reload();
	await presenter.locator('body[data-hydrated="true"]').waitFor();
	await expect(controls(presenter).getByRole('button', { name: '방송 중지' })).toBeVisible({ timeout: 30_000 });
	await expect(controls(presenter).getByRole('button', { name: '방송 시작' })).toHaveCount(0);
	await expect.poll(() => sendingVideo(presenter), { timeout: 30_000 }).toBe(true);
	await expect.poll(() => decodingVideos(viewer), { timeout: 45_000 }).toBeGreaterThanOrEqual(1);

	// Reload where the browser would ask again: one clear button, nothing sent until it is pressed.
	await presenter.evaluate(() => sessionStorage.setItem('e2e:ask-again', '1'));
	await presenter.reload();
	await presenter.locator('body[data-hydrated="true"]').waitFor();
	const resume = controls(presenter).getByRole('button', { name: '방송 이어 하기' });
	await expect(resume).toBeVisible({ timeout: 30_000 });
	await expect(controls(presenter).getByRole('button')).toHaveCount(1);
	await expect(
		controls(presenter).getByText('페이지를 새로 고치기 전에 방송 중이었습니다', { exact: false })
	).toBeVisible();
	await resume.click();
	await expect(controls(presenter).getByRole('button', { name: '방송 중지' })).toBeVisible({ timeout: 30_000 });
	await expect.poll(() => decodingVideos(viewer), { timeout: 45_000 }).toBeGreaterThanOrEqual(1);

	// A promoted speaker who reloads is still a speaker, and live again by itself.
	await speaker.getByRole('button', { name: /손 들기/ }).click();
	const hospitalName = (await db.query<{ name: string }>('select name from users where email = $1', [demo.hospital]))
		.rows[0].name;
	await moderator.getByRole('button', { name: `${hospitalName} 님에게 발언권 주기` }).click();
	await expect(speaker.getByText('진행자가 발언권을 주었습니다.', { exact: false })).toBeVisible();
	await controls(speaker).getByRole('button', { name: '방송 시작' }).click();
	await expect.poll(() => decodingVideos(viewer), { timeout: 45_000 }).toBeGreaterThanOrEqual(2);
	await speaker.reload();
	await speaker.locator('body[data-hydrated="true"]').waitFor();
	await expect(speaker.getByText('진행자가 발언권을 주었습니다.', { exact: false })).toBeVisible({ timeout: 30_000 });
	await expect(controls(speaker).getByRole('button', { name: '방송 중지' })).toBeVisible({ timeout: 30_000 });
	await expect.poll(() => sendingVideo(speaker), { timeout: 30_000 }).toBe(true);
	await expect(viewer.locator(`video[aria-label="${hospitalName}"]`)).toBeVisible({ timeout: 30_000 });
	await expect.poll(() => decodingVideos(viewer), { timeout: 45_000 }).toBeGreaterThanOrEqual(2);

	// Stopping on purpose is remembered: the next reload does not go live.
	await presenter.evaluate(() => sessionStorage.removeItem('e2e:ask-again'));
	await controls(presenter).getByRole('button', { name: '방송 중지' }).click();
	// The stop has gone through (and been remembered) once the start button is back.
	await expect(controls(presenter).getByRole('button', { name: '방송 시작' })).toBeVisible({ timeout: 30_000 });
	await presenter.reload();
	await presenter.locator('body[data-hydrated="true"]').waitFor();
	await expect(controls(presenter).getByRole('button', { name: '방송 시작' })).toBeVisible({ timeout: 30_000 });
	await expect(controls(presenter).getByRole('button', { name: '방송 이어 하기' })).toHaveCount(0);
});

test('a screen share comes and goes twice on the running connection: the camera keeps decoding at the viewer', async ({
	browser
}) => {
	// Janus's VideoRoom refuses to renegotiate a running publisher: the client takes a new connection
	// there (media_renegotiation_unsupported), so this holds on werift only (README, live IR room).
	test.skip(process.env.E2E_MEDIA_BACKEND === 'janus', 'screen share on the running connection is werift-only');
	const eventId = await createLiveSession(db, '화면 공유 무중단 테스트', [demo.investor]);
	const live = `/ir/${eventId}/live`;
	const presenter = await open(browser, demo.startupAdmin, live, { init: [fakeScreen] });
	const viewer = await open(browser, demo.investor, live);
	await presenter.getByRole('button', { name: '방송 시작' }).click();
	await expect.poll(() => decodingVideos(viewer), { timeout: 45_000 }).toBe(1);
	const [camera] = await inboundVideos(viewer);
	const presenterPeers = await presenter.evaluate(
		() => (window as unknown as { __peers: RTCPeerConnection[] }).__peers.length
	);

	// The viewer samples the camera's framesDecoded every 50 ms in the page itself.
	await viewer.evaluate((cameraId) => {
		const w = window as unknown as {
			__peers: RTCPeerConnection[];
			__samples: { at: number; frames: number }[];
			__sampler: ReturnType<typeof setInterval>;
		};
		w.__samples = [];
		w.__sampler = setInterval(async () => {
			for (const pc of w.__peers) {
				if (pc.connectionState === 'closed') continue;
				(await pc.getStats()).forEach((s) => {
					if (s.id === cameraId) w.__samples.push({ at: performance.now(), frames: s.framesDecoded ?? 0 });
				});
			}
		}, 50);
	}, camera.id);

	await controls(presenter).getByRole('button', { name: '화면 공유' }).click();
	await expect.poll(() => decodingVideos(viewer), { timeout: 45_000 }).toBe(2);
	await controls(presenter).getByRole('button', { name: '화면 공유 중지' }).click();
	await expect.poll(() => decodingVideos(viewer), { timeout: 45_000 }).toBe(1);
	// A second share on the same running connection reaches the viewer too, and goes again.
	await controls(presenter).getByRole('button', { name: '화면 공유' }).click();
	await expect.poll(() => decodingVideos(viewer), { timeout: 45_000 }).toBe(2);
	await controls(presenter).getByRole('button', { name: '화면 공유 중지' }).click();
	await expect.poll(() => decodingVideos(viewer), { timeout: 45_000 }).toBe(1);

	const samples = await viewer.evaluate(() => {
		const w = window as unknown as {
			__samples: { at: number; frames: number }[];
			__sampler: ReturnType<typeof setInterval>;
		};
		clearInterval(w.__sampler);
		return w.__samples;
	});
	// Still the one publishing connection, and the camera's stream at the viewer never stalled: a
	// rebuilt connection loses this inbound stream for good, so the stall would last to the end of the
	// sampling (seconds). 1.5 s leaves room for a loaded CI machine (797 ms seen once under load).
	expect(await presenter.evaluate(() => (window as unknown as { __peers: RTCPeerConnection[] }).__peers.length)).toBe(
		presenterPeers
	);
	expect(samples.length).toBeGreaterThan(20);
	let lastChange = samples[0];
	let longestStall = 0;
	for (const sample of samples) {
		if (sample.frames > lastChange.frames) lastChange = sample;
		else longestStall = Math.max(longestStall, sample.at - lastChange.at);
	}
	expect(longestStall).toBeLessThan(1500);
	expect(samples.at(-1)!.frames).toBeGreaterThan(samples[0].frames);
});

test('each viewer sees the quality of their own connection', async ({ browser }) => {
	const eventId = await createLiveSession(db, '연결 품질 표시 테스트', [demo.investor]);
	const live = `/ir/${eventId}/live`;
	const presenter = await open(browser, demo.startupAdmin, live);
	const viewer = await open(browser, demo.investor, live);
	await expect(viewer.getByTestId('connection-quality')).toHaveCount(0);
	await presenter.getByRole('button', { name: '방송 시작' }).click();
	await expect.poll(() => decodingVideos(viewer), { timeout: 45_000 }).toBe(1);
	// On loopback nothing is lost; the decoded frame rate still depends on how busy the machine is, so a
	// healthy leg reads "good" or "fair" (the thresholds are unit-tested in quality.spec.ts), never "poor".
	await expect(viewer.getByTestId('connection-quality')).toHaveAttribute('data-level', /^(good|fair)$/, {
		timeout: 30_000
	});
	await expect(viewer.getByTestId('connection-quality')).toHaveText(/^연결 상태: (좋음|보통)$/);
	await expectNoAxeViolations(viewer);
	// At 360 px the badge wraps with the rest of the header; nothing is cut off sideways.
	await viewer.setViewportSize({ width: 360, height: 740 });
	await expect(viewer.getByTestId('connection-quality')).toBeVisible();
	expect(await viewer.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
});
