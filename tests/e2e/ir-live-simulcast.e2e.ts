// Simulcast in the live room (issue #18) in Chromium with fake devices, inside the network namespace
// of playwright.live.config.ts: the presenter's camera goes out as three VP8 layers; a viewer whose
// answer limits what it can receive (b=AS:200, as a browser on a metered link declares) keeps
// decoding the low layer while another viewer decodes the high one, both from the same publisher.
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import pg from 'pg';
import { demo, gotoReady } from './support/accounts';
import { contextAs, createLiveSession, decodingVideos } from './support/live-room';

test.skip(process.env.E2E_LIVE_ROOM !== '1', 'runs with playwright.live.config.ts (the last step of npm test)');
// Janus's VideoRoom could forward substreams itself ("simulcast"/"substream"); it is not wired yet,
// so the client publishes one layer there (MediaBackend.simulcast is false) and this holds on werift only.
test.skip(
	process.env.E2E_MEDIA_BACKEND === 'janus',
	'simulcast layers per viewer are werift-only (README, live IR room)'
);
test.setTimeout(600_000);

/** Init script: the fake camera at 1280x720, so Chromium sends all three layers (it drops layers of small pictures). */
function cameraHd() {
	const getUserMedia = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
	navigator.mediaDevices.getUserMedia = (constraints) =>
		getUserMedia(constraints?.video === true ? { ...constraints, video: { width: 1280, height: 720 } } : constraints);
}

/** Init script: the page's answers declare a 200 kbit/s limit on every video m-line (b=AS after its c= line). */
function limitReceiveBandwidth() {
	// The native getter (another init script may have put a subclass in front of RTCPeerConnection).
	let proto: object | null = RTCPeerConnection.prototype;
	let descriptor: PropertyDescriptor | undefined;
	while (proto && !(descriptor = Object.getOwnPropertyDescriptor(proto, 'localDescription')))
		proto = Object.getPrototypeOf(proto);
	Object.defineProperty(RTCPeerConnection.prototype, 'localDescription', {
		get(this: RTCPeerConnection) {
			const description = descriptor!.get!.call(this) as RTCSessionDescription | null;
			if (!description || description.type !== 'answer') return description;
			const lines = description.sdp.split('\r\n');
			const out: string[] = [];
			let video = false;
			for (const line of lines) {
				if (line.startsWith('m=')) video = line.startsWith('m=video');
				out.push(line);
				if (video && line.startsWith('c=')) out.push('b=AS:200');
			}
			return new RTCSessionDescription({ type: 'answer', sdp: out.join('\r\n') });
		}
	});
}

type Inbound = { width: number; frames: number };

/** The camera video a viewer receives: its decoded width and framesDecoded. */
async function inboundCamera(page: Page): Promise<Inbound | undefined> {
	return page.evaluate(async () => {
		let found: { width: number; frames: number } | undefined;
		for (const pc of (window as unknown as { __peers: RTCPeerConnection[] }).__peers) {
			if (pc.connectionState === 'closed') continue;
			(await pc.getStats()).forEach((s) => {
				if (s.type === 'inbound-rtp' && s.kind === 'video' && (s.framesDecoded ?? 0) > 0)
					found = { width: s.frameWidth ?? 0, frames: s.framesDecoded };
			});
		}
		return found;
	});
}

/** How many simulcast layers the presenter's camera sends (outbound-rtp entries with a rid that encode frames). */
async function sentLayers(page: Page): Promise<number> {
	return page.evaluate(async () => {
		const rids = new Set<string>();
		for (const pc of (window as unknown as { __peers: RTCPeerConnection[] }).__peers) {
			if (pc.connectionState !== 'connected') continue;
			(await pc.getStats()).forEach((s) => {
				if (s.type === 'outbound-rtp' && s.kind === 'video' && s.rid && (s.framesEncoded ?? 0) > 0) rids.add(s.rid);
			});
		}
		return rids.size;
	});
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
	init: Array<() => void> = []
): Promise<Page> {
	const opened = await contextAs(browser, email, { init });
	contexts.push(opened.context);
	await gotoReady(opened.page, path);
	return opened.page;
}

test('a viewer limited to a low bitrate decodes the low layer while another decodes the high one', async ({
	browser
}) => {
	const eventId = await createLiveSession(db, '사이멀캐스트 계층 테스트', [demo.investor, demo.hospital]);
	const live = `/ir/${eventId}/live`;
	const presenter = await open(browser, demo.startupAdmin, live, [cameraHd]);
	const limited = await open(browser, demo.investor, live, [limitReceiveBandwidth]);
	const unlimited = await open(browser, demo.hospital, live);
	await presenter.getByRole('button', { name: '방송 시작' }).click();
	await expect.poll(() => decodingVideos(limited), { timeout: 60_000 }).toBe(1);
	await expect.poll(() => decodingVideos(unlimited), { timeout: 60_000 }).toBe(1);
	expect(await sentLayers(presenter)).toBeGreaterThanOrEqual(2);

	// The unlimited viewer moves up to the high layer (on its keyframe); the limited one stays low.
	await expect(async () => {
		const low = await inboundCamera(limited);
		const high = await inboundCamera(unlimited);
		expect(low?.width ?? 0).toBeGreaterThan(0);
		expect(low!.width).toBeLessThanOrEqual(320);
		expect(high?.width ?? 0).toBeGreaterThanOrEqual(2 * low!.width);
	}).toPass({ timeout: 90_000, intervals: [2_000] });

	// Both keep decoding their layer: frames rise over three seconds and the sizes hold.
	const before = { low: (await inboundCamera(limited))!, high: (await inboundCamera(unlimited))! };
	await limited.waitForTimeout(3_000);
	const after = { low: (await inboundCamera(limited))!, high: (await inboundCamera(unlimited))! };
	expect(after.low.frames).toBeGreaterThan(before.low.frames + 10);
	expect(after.high.frames).toBeGreaterThan(before.high.frames + 10);
	expect(after.low.width).toBeLessThanOrEqual(320);
	expect(after.high.width).toBeGreaterThanOrEqual(2 * after.low.width);
});
