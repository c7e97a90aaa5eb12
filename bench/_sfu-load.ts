// The SFU benchmark's peer process (separate from the server, so its CPU is not the server's):
// `publisher` replays the fixture; `viewers` adds werift viewers on request over IPC and reports
// their join-to-first-keyframe times and received packet counts (`full` of them authenticate
// every packet, the others a sample: see BenchViewer).
import { BenchViewer, FixturePublisher, socketTransport } from './_sfu-peers';
import { readFixture } from './_sfu-fixture';
import { useNodeX25519 } from '../src/lib/server/media/node-x25519';

// Browsers agree DTLS keys in native code; so do these viewers (see node-x25519.ts).
useNodeX25519();
const [role, url] = process.argv.slice(2);
const send = (message: object) => process.send?.(message);

if (role === 'publisher') {
	const publisher = new FixturePublisher(readFixture());
	await publisher.publish(await socketTransport(url, 'speaker'));
	send({ type: 'ready' });
	process.on('message', (message: { type: string }) => {
		if (message.type === 'stats') send({ type: 'stats', keyframeRequests: publisher.keyframeRequests });
	});
} else {
	const viewers: BenchViewer[] = [];
	const counted = new WeakMap<BenchViewer, number>();
	process.on('message', async (message: { type: string; count?: number; full?: number }) => {
		if (message.type === 'add') {
			const added: BenchViewer[] = [];
			let failed = 0;
			let full = message.full ?? 0;
			const join = async () => {
				try {
					const viewer = new BenchViewer(
						await socketTransport(url, `viewer-${Math.random().toString(36).slice(2, 10)}`),
						full-- > 0
					);
					added.push(viewer);
					await viewer.join();
				} catch (error) {
					failed++;
					console.error('viewer join failed:', (error as Error).message);
				}
			};
			// A few at a time, like an audience arriving, without a thundering herd of DTLS handshakes.
			for (let i = 0; i < (message.count ?? 0); i += 5)
				await Promise.all(Array.from({ length: Math.min(5, (message.count ?? 0) - i) }, join));
			const deadline = Date.now() + 15_000;
			while (added.some((v) => v.joinToKeyframeMs === undefined) && Date.now() < deadline)
				await new Promise((r) => setTimeout(r, 50));
			viewers.push(...added);
			send({
				type: 'added',
				joinToKeyframeMs: added.map((v) => v.joinToKeyframeMs ?? null),
				stagesMs: added.map((v) => v.stagesMs),
				failed
			});
		} else if (message.type === 'counts') {
			// Silent: no packet since the previous count (the window before it).
			const silent = viewers.filter((v) => v.packets === (counted.get(v) ?? -1));
			for (const v of viewers) counted.set(v, v.packets);
			send({
				type: 'counts',
				viewers: viewers.length,
				packets: viewers.reduce((s, v) => s + v.packets, 0),
				authFailures: viewers.reduce((s, v) => s + Math.max(0, v.sampled - v.authenticated), 0),
				silentStates: silent.map(
					(v) =>
						`${v.pc.connectionState}/${v.pc.iceConnectionState}/${v.pc.signalingState}/${v.pc.getTransceivers().length}`
				)
			});
		}
	});
	send({ type: 'ready' });
}
