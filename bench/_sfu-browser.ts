// A headless Chromium running the real browser client (src/lib/media/client.ts, bundled with
// esbuild) against the SFU, signalling through a SignalTransport (straight into a room of this
// process, or over socket.io to the benchmark server). Used by the benchmark canary and to debug.
// Everything listens on 127.0.0.1; run it inside `unshare -n` so no packet leaves loopback.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { build } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { MediaRoom } from '../src/lib/server/media/backend';
import { registerMediaSignalling, type MediaSocket } from '../src/lib/server/media/signalling';
import type { InboundVideoStats } from '../src/lib/media/client';
import { CHROMIUM_ARGS, resolveChromiumPath } from '../tests/e2e/support/chromium';

export const MEDIA_CHROMIUM_ARGS = [
	...CHROMIUM_ARGS,
	'--allow-loopback-in-peer-connection',
	'--use-fake-device-for-media-stream',
	'--use-fake-ui-for-media-stream',
	'--autoplay-policy=no-user-gesture-required'
];

const PAGE = `<!doctype html><meta charset="utf-8"><title>sfu</title><body><script src="/client.js"></script><script>
window.publishers = new Map();
window.startMedia = () => {
	window.media = new MediaClient.LiveMedia((event, payload) => window.mediaSignal(event, payload), { onError: (e) => console.error('media error', e) });
	window.mediaPush = (event, payload) => { if (event === 'media:offer') window.media.handleOffer(payload.offer).catch((e) => console.error(e)); };
};
window.publishCamera = async () => {
	const stream = await navigator.mediaDevices.getUserMedia({ video: { width: 1280, height: 720, frameRate: 30 }, audio: true });
	await window.media.publish(stream, 'camera');
};
window.watch = () => window.media.subscribe((publishers) => {
	window.publishers = publishers;
	for (const [id, streams] of publishers) {
		if (!streams.camera) continue;
		let video = document.getElementById('v-' + id);
		if (!video) { video = document.createElement('video'); video.id = 'v-' + id; video.muted = true; video.autoplay = true; video.playsInline = true; document.body.append(video); }
		if (video.srcObject !== streams.camera) video.srcObject = streams.camera;
	}
});
</script>`;

/** How a page's media requests reach the SFU, and how the SFU's pushes come back. */
export type SignalTransport = {
	request(event: string, payload: unknown): Promise<unknown>;
	onPush(listener: (event: string, payload: unknown) => void): void;
	close(): Promise<void> | void;
};

export type BrowserHarness = {
	browser: Browser;
	origin: string;
	/** A page in the room as `peerId`, signalling through `transport`. */
	open(peerId: string, transport: SignalTransport): Promise<BrowserPeer>;
	close(): Promise<void>;
};

/** Signalling straight into a room of this process (through registerMediaSignalling). */
export function roomTransport(room: MediaRoom, peerId: string): SignalTransport {
	const listeners = new Map<string, (payload: unknown, ack: (reply: unknown) => void) => void>();
	let push: (event: string, payload: unknown) => void = () => {};
	const socket: MediaSocket = {
		on: (event, listener) => listeners.set(event, listener),
		off: (event) => listeners.delete(event),
		emit: (event, payload) => push(event, payload)
	};
	const dispose = registerMediaSignalling(socket, {
		room,
		peerId,
		canPublish: () => true,
		canSubscribe: () => true,
		locale: () => 'en'
	});
	return {
		request: (event, payload) => new Promise((resolve) => listeners.get(event)?.(payload, resolve)),
		onPush: (listener) => (push = listener),
		async close() {
			dispose();
			await room.leave(peerId);
		}
	};
}

export type BrowserPeer = {
	page: Page;
	publishCamera(): Promise<void>;
	watch(): Promise<void>;
	stats(): Promise<InboundVideoStats[]>;
	close(): Promise<void>;
};

/** `videoFile`: a .y4m the fake camera plays instead of Chromium's (very compressible) test pattern. */
export async function startBrowserHarness({ videoFile }: { videoFile?: string } = {}): Promise<BrowserHarness> {
	const bundle = await build({
		entryPoints: [new URL('../src/lib/media/client.ts', import.meta.url).pathname],
		bundle: true,
		format: 'iife',
		globalName: 'MediaClient',
		platform: 'browser',
		target: 'chrome120',
		write: false
	});
	const script = bundle.outputFiles[0].text;
	const server: Server = createServer((req, res) => {
		if (req.url === '/client.js') res.writeHead(200, { 'content-type': 'text/javascript' }).end(script);
		else res.writeHead(200, { 'content-type': 'text/html' }).end(PAGE);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	const browser = await chromium.launch({
		executablePath: resolveChromiumPath(),
		args: videoFile ? [...MEDIA_CHROMIUM_ARGS, `--use-file-for-fake-video-capture=${videoFile}`] : MEDIA_CHROMIUM_ARGS
	});

	async function open(peerId: string, transport: SignalTransport): Promise<BrowserPeer> {
		const page = await browser.newPage();
		page.on('console', (message) => {
			if (message.type() === 'error') console.error(`[${peerId}] ${message.text()}`);
		});
		transport.onPush(
			(event, payload) =>
				void page.evaluate(([e, p]) => (window as any).mediaPush?.(e, p), [event, payload] as const).catch(() => {})
		);
		await page.exposeFunction('mediaSignal', (event: string, payload: unknown) => transport.request(event, payload));
		await page.goto(origin);
		await page.evaluate(() => (window as any).startMedia());
		return {
			page,
			publishCamera: () => page.evaluate(() => (window as any).publishCamera()),
			watch: () => page.evaluate(() => (window as any).watch()),
			stats: () => page.evaluate(() => (window as any).media.stats()),
			async close() {
				await page.evaluate(() => (window as any).media?.close()).catch(() => {});
				await page.close();
				await transport.close();
			}
		};
	}

	return {
		browser,
		origin,
		open,
		async close() {
			await browser.close();
			await new Promise((resolve) => server.close(resolve));
		}
	};
}
