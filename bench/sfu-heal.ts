// `npm run bench -- sfu-heal`: how fast the browser client heals. A Chromium speaker and a Chromium
// viewer in an in-process SFU room; the server then drops the viewer's connection, and later the
// speaker's, without telling the browsers (as a crashed node or a dead network path would). Reports
// the time until the viewer decodes frames again. 127.0.0.1 only, in a private network namespace.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

async function main() {
	const { createMediaBackend } = await import('../src/lib/server/media/werift-backend');
	const { roomTransport, startBrowserHarness } = await import('./_sfu-browser');
	const backend = createMediaBackend(
		{ MEDIA_LISTEN_IP: '127.0.0.1', MEDIA_PORT_MIN: 47000, MEDIA_PORT_MAX: 47999, MEDIA_ICE_SERVERS: [] },
		{ warn: () => {}, debug: () => {} }
	);
	const room = backend.room('heal');
	const harness = await startBrowserHarness();
	const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
	try {
		const speaker = await harness.open('speaker', roomTransport(room, 'speaker'));
		await speaker.publishCamera();
		const viewer = await harness.open('viewer', roomTransport(room, 'viewer'));
		await viewer.watch();
		const decoded = async () => (await viewer.stats()).reduce((sum, s) => sum + s.framesDecoded, 0);
		/** ms from now until the viewer has decoded `frames` more frames than at `since`. */
		const recovery = async (frames: number, timeoutMs = 20_000) => {
			const started = Date.now();
			let base = await decoded();
			let stalled = false;
			while (Date.now() - started < timeoutMs) {
				await sleep(100);
				const now = await decoded();
				if (!stalled && now === base) stalled = true;
				if (now < base) base = 0; // a new peer connection counts from zero
				if (stalled && now - base >= frames) return Date.now() - started;
				if (!stalled) base = now;
			}
			return null;
		};
		const startedAt = Date.now();
		while ((await decoded()) < 30 && Date.now() - startedAt < 15_000) await sleep(100);
		const firstVideoMs = Date.now() - startedAt;

		// The server forgets the viewer (its leg is closed; the browser is not told).
		const viewerDrop = recovery(10);
		await room.leave('viewer');
		const viewerRecoveryMs = await viewerDrop;

		// The server forgets the speaker's publishing leg.
		const speakerDrop = recovery(10);
		await room.unpublish('speaker');
		const speakerRecoveryMs = await speakerDrop;

		console.log(
			JSON.stringify(
				{
					benchmark: 'sfu-heal',
					firstVideoMs,
					viewerLegDroppedRecoveryMs: viewerRecoveryMs,
					speakerLegDroppedRecoveryMs: speakerRecoveryMs,
					targetMs: 5000,
					note: 'ms from the server dropping the connection until the viewer decoded 10 new frames'
				},
				null,
				2
			)
		);
	} finally {
		await harness.close();
		await backend.close();
	}
	process.exit(0);
}

if (process.env.SFU_BENCH_IN_NS !== '1') {
	const file = fileURLToPath(import.meta.url);
	const child = spawn(
		'unshare',
		['-n', 'sh', '-c', `ip link set lo up && exec "${process.execPath}" --import tsx "${file}"`],
		{ stdio: 'inherit', env: { ...process.env, SFU_BENCH_IN_NS: '1' } }
	);
	child.on('exit', (code) => process.exit(code ?? 1));
} else {
	await main();
}
