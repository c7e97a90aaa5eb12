// The werift SFU under bad input and faults, with its fan-out in two worker threads: malformed and
// oversized offers, candidates for other hosts, RTP from an unknown SSRC and a viewer that stops
// reading must not stall the room or the other viewers; a crashed fan-out worker is replaced and a
// viewer that subscribes again is served. Also the main-thread ingest tap (for recording).
import { afterEach, describe, expect, it } from 'vitest';
import { RtpHeader } from 'werift';
import { MediaError } from '../../src/lib/server/media/backend';
import { createMediaBackend, type WeriftBackend } from '../../src/lib/server/media/werift-backend';
import { TestPublisher, TestViewer, silentLogger, waitFor } from './media-support';

/** UDP ports of this file (the sfu engineer's range), apart from media-sfu.test.ts's. */
const CONFIG = {
	MEDIA_LISTEN_IP: '127.0.0.1',
	MEDIA_PORT_MIN: 41000,
	MEDIA_PORT_MAX: 41999,
	MEDIA_ICE_SERVERS: [],
	MEDIA_WORKERS: 2
};

let backend: WeriftBackend;
const peers: Array<{ close(): Promise<void> | void }> = [];

afterEach(async () => {
	for (const peer of peers.splice(0)) await peer.close();
	await backend?.close();
});

/** A room with a publisher sending and `count` viewers receiving video. */
async function liveRoom(count: number) {
	backend = createMediaBackend(CONFIG, silentLogger);
	const room = backend.room('ir-faults');
	const publisher = new TestPublisher('speaker-1');
	peers.push(publisher);
	await publisher.publish(room);
	publisher.start();
	const viewers = Array.from({ length: count }, (_, i) => new TestViewer(`viewer-${i + 1}`));
	peers.push(...viewers);
	for (const viewer of viewers) await viewer.join(room);
	await waitFor(() => viewers.every((v) => v.video().length > 5), 30_000, 'video at every viewer');
	return { room, publisher, viewers };
}

/** Resolves when `viewer` has received `more` video packets beyond what it has now. */
const keepsReceiving = (viewer: TestViewer, more = 30) => {
	const base = viewer.video().length;
	return waitFor(() => viewer.video().length >= base + more, 10_000, `${viewer.peerId} still receiving`);
};

describe('werift SFU faults (MEDIA_WORKERS=2)', () => {
	it('refuses malformed and oversized offers with media_invalid_offer while the room keeps forwarding', async () => {
		const { room, viewers } = await liveRoom(1);
		const garbage = room.publish(
			'intruder',
			{ type: 'offer', sdp: 'v=0\r\nthis is not a session description' },
			{ '0': 'camera' }
		);
		await expect(garbage).rejects.toThrow(MediaError);
		await expect(garbage).rejects.toMatchObject({ code: 'media_invalid_offer' });
		const huge = `v=0\r\n${'m=video 9 UDP/TLS/RTP/SAVPF 96\r\na=mid:x\r\na=sendonly\r\n'.repeat(5000)}`;
		await expect(room.publish('intruder', { type: 'offer', sdp: huge }, { x: 'camera' })).rejects.toMatchObject({
			code: 'media_invalid_offer'
		});
		await expect(room.setAnswer('viewer-1', { type: 'answer', sdp: 'v=0\r\nnonsense' })).rejects.toBeInstanceOf(
			MediaError
		);
		await keepsReceiving(viewers[0]);
		expect(room.tracks().map((t) => t.publisherId)).toEqual(['speaker-1', 'speaker-1']);
	});

	it('ignores candidates for other hosts, malformed ones and ones for legs that do not exist', async () => {
		const { room, viewers } = await liveRoom(1);
		const elsewhere = {
			candidate: 'candidate:1 1 udp 2122260223 198.51.100.7 40000 typ host',
			sdpMid: '0',
			sdpMLineIndex: 0
		};
		await room.addIceCandidate('viewer-1', 'subscribe', elsewhere);
		await room.addIceCandidate('speaker-1', 'publish', elsewhere);
		await room.addIceCandidate('viewer-1', 'subscribe', { candidate: 'candidate:garbage', sdpMid: '0' });
		await room.addIceCandidate('nobody', 'subscribe', elsewhere);
		await keepsReceiving(viewers[0]);
	});

	it('drops RTP from an SSRC the publisher never announced; viewers get only their own SSRC', async () => {
		const { publisher, viewers } = await liveRoom(1);
		const transport = publisher.pc.dtlsTransports[0];
		for (let i = 0; i < 50; i++)
			await transport.sendRtp(
				Buffer.from([0x10, 0x00, 0xee, ...new Array(200).fill(1)]),
				new RtpHeader({ payloadType: 96, sequenceNumber: 100 + i, timestamp: i * 3000, ssrc: 0xdeadbeef, marker: true })
			);
		await keepsReceiving(viewers[0]);
		const videoSsrcs = new Set(viewers[0].video().map((r) => r.ssrc));
		expect(videoSsrcs.size).toBe(1);
		expect(viewers[0].video().some((r) => r.payload[2] === 0xee && r.payload.length === 203)).toBe(false);
	});

	it('keeps serving the others when a viewer stops reading (its connection vanishes without leaving)', async () => {
		const { room, viewers } = await liveRoom(2);
		await viewers[0].pc.close();
		await keepsReceiving(viewers[1], 60);
		await room.leave('viewer-1');
		await keepsReceiving(viewers[1]);
		expect(room.stats().subscribers).toBe(1);
	});

	it('replaces a crashed fan-out worker; its viewer is served again after subscribing anew, the other one throughout', async () => {
		const { room, viewers } = await liveRoom(2);
		const pool = backend.pool!;
		expect(pool.partition.loads()).toEqual([1, 1]);
		await pool.crash(0); // viewer-1's worker (the first leg goes to worker 0)
		await waitFor(() => pool.partition.loads()[0] === 0, 5_000, 'the dead worker given up');
		await keepsReceiving(viewers[1]);
		// What the browser client does when its ICE fails: a new peer connection and media:subscribe.
		const again = new TestViewer('viewer-1');
		peers.push(again);
		await again.join(room);
		await waitFor(() => again.video().length > 10, 15_000, 'video after re-subscribing');
		expect(again.video()[0].payload[1] & 0x01).toBe(0); // starts on a keyframe
		expect(pool.partition.loads()).toEqual([1, 1]);
		expect(room.stats().subscribers).toBe(2);
	});

	it('hands every publisher packet to the ingest tap on the main thread, whoever watches', async () => {
		const { room, publisher } = await liveRoom(1);
		const seen = new Map<string, number>();
		const stop = room.onIngestRtp((trackId) => seen.set(trackId, (seen.get(trackId) ?? 0) + 1));
		const framesBefore = publisher.frames;
		await waitFor(() => publisher.frames > framesBefore + 30, 10_000, '30 frames');
		stop();
		expect(seen.get('camera~speaker-1') ?? 0).toBeGreaterThanOrEqual(50);
		expect(seen.get('microphone~speaker-1') ?? 0).toBeGreaterThan(0);
	});

	it('counts a room reopened under the same id from zero, and the backend totals never go backwards', async () => {
		const { room } = await liveRoom(1);
		await waitFor(() => room.stats().packetsForwarded > 20, 5_000, 'worker counters');
		await backend.closeRoom('ir-faults');
		for (const peer of peers.splice(0)) await peer.close();
		const total = backend.stats().packetsForwarded;
		expect(total).toBeGreaterThan(20);
		const reopened = backend.room('ir-faults');
		expect(reopened).not.toBe(room);
		expect(reopened.stats().packetsForwarded).toBe(0);
		await new Promise((resolve) => setTimeout(resolve, 1_200)); // two more counter reports
		expect(reopened.stats().packetsForwarded).toBeLessThan(total / 2);
		expect(backend.stats().packetsForwarded).toBeGreaterThanOrEqual(total);
	});
});
