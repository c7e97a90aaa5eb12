// The werift SFU with real peer connections on 127.0.0.1: forwarding, SSRC/PT rewriting, keyframe
// requests for late joiners, renegotiation on unpublish, and loopback-only candidates; each with the
// fan-out on the main thread and in worker threads.
import { afterEach, describe, expect, it } from 'vitest';
import type { MediaBackend } from '../../src/lib/server/media/backend';
import { createMediaBackend } from '../../src/lib/server/media/werift-backend';
import { TEST_MEDIA_CONFIG, TestPublisher, TestViewer, announcedSsrc, silentLogger, waitFor } from './media-support';

let backend: MediaBackend;
const peers: Array<{ close(): Promise<void> | void }> = [];

afterEach(async () => {
	for (const peer of peers.splice(0)) await peer.close();
	await backend?.close();
});

const candidateAddresses = (sdp: string) => [...sdp.matchAll(/^a=candidate:\S+ \d+ \S+ \d+ (\S+) /gm)].map((m) => m[1]);

// Both fan-out paths: on the main thread (MEDIA_WORKERS=0) and over two worker threads.
describe.each([{ workers: 0 }, { workers: 2 }])('werift SFU (MEDIA_WORKERS=$workers)', ({ workers }) => {
	function setUp() {
		backend = createMediaBackend({ ...TEST_MEDIA_CONFIG, MEDIA_WORKERS: workers }, silentLogger);
		return backend.room('ir-1');
	}

	it('forwards the publisher RTP to two viewers with their own SSRCs and payload types, keyframe first', async () => {
		const room = setUp();
		const publisher = new TestPublisher('speaker-1');
		const first = new TestViewer('viewer-1');
		const second = new TestViewer('viewer-2');
		peers.push(publisher, first, second);
		await publisher.publish(room);
		publisher.start();
		expect(
			room
				.tracks()
				.map((t) => `${t.kind}:${t.source}:${t.streamId}`)
				.sort()
		).toEqual(['audio:microphone:camera~speaker-1', 'video:camera:camera~speaker-1']);
		await first.join(room);
		await second.join(room);
		await waitFor(() => first.video().length >= 20 && second.video().length >= 20, 20_000, 'video at both viewers');
		await waitFor(
			() => first.received.some((r) => r.kind === 'audio') && second.received.some((r) => r.kind === 'audio'),
			5_000,
			'audio'
		);

		for (const viewer of [first, second]) {
			const offer = viewer.offers[0].sdp;
			const video = viewer.video();
			// The SFU's own SSRC from its offer (not the publisher's), and the viewer's VP8 payload type.
			expect(new Set(video.map((r) => r.ssrc))).toEqual(new Set([announcedSsrc(offer, 'video')]));
			expect(new Set(video.map((r) => r.payloadType))).toEqual(new Set([96]));
			expect(new Set(viewer.received.filter((r) => r.kind === 'audio').map((r) => r.payloadType))).toEqual(
				new Set([111])
			);
			expect(new Set(viewer.received.filter((r) => r.kind === 'audio').map((r) => r.ssrc))).toEqual(
				new Set([announcedSsrc(offer, 'audio')])
			);
			// Video starts on a keyframe, and payloads arrive unchanged.
			expect(video[0].payload[0]).toBe(0x10);
			expect(video[0].payload[1] & 0x01).toBe(0);
			expect(video.some((r) => r.payload.length === 903 && r.payload[3] === 7)).toBe(true);
			expect(offer).toMatch(/a=msid:camera~speaker-1 /);
		}
		expect(announcedSsrc(first.offers[0].sdp, 'video')).not.toBe(announcedSsrc(second.offers[0].sdp, 'video'));
		// Two copies of every packet go out (fan-out workers report their counters every half second).
		const before = backend.stats();
		await waitFor(
			() => {
				const now = backend.stats();
				const received = now.packetsReceived - before.packetsReceived;
				return received > 50 && now.packetsForwarded - before.packetsForwarded > 1.5 * received;
			},
			15_000,
			'forwarded counters'
		);
		expect(backend.stats().subscribers).toBe(2);
	});

	it('asks the publisher for a keyframe when a viewer joins late, and starts that viewer on it', async () => {
		const room = setUp();
		const publisher = new TestPublisher('speaker-1', false);
		const early = new TestViewer('viewer-1');
		const late = new TestViewer('viewer-2');
		peers.push(publisher, early, late);
		await publisher.publish(room);
		publisher.start();
		await early.join(room);
		await waitFor(() => early.video().length > 30, 10_000, 'early viewer video');
		const pliBefore = publisher.pliReceived;
		const framesBefore = publisher.frames;

		await late.join(room);
		await waitFor(() => late.video().length > 0, 10_000, 'late viewer video');
		expect(publisher.pliReceived).toBeGreaterThan(pliBefore);
		expect(late.video()[0].payload[0]).toBe(0x10);
		expect(late.video()[0].payload[1] & 0x01).toBe(0);
		// The keyframe came from the publisher after the late join (only PLIs produce keyframes here).
		expect(late.video()[0].payload[2]).toBeGreaterThan(framesBefore & 0xff);
		expect(backend.stats().keyframeRequests).toBeGreaterThan(0);
	});

	it('renegotiates every viewer when a publisher unpublishes, and tells listeners the new track list', async () => {
		const room = setUp();
		const publisher = new TestPublisher('speaker-1');
		const viewer = new TestViewer('viewer-1');
		peers.push(publisher, viewer);
		await publisher.publish(room);
		await viewer.join(room);
		const offers: Array<{ peerId: string; sdp: string }> = [];
		const trackLists: number[] = [];
		room.on('offer', (peerId, offer) => offers.push({ peerId, sdp: offer.sdp }));
		room.on('tracks', (tracks) => trackLists.push(tracks.length));

		await room.unpublish('speaker-1');
		await waitFor(() => offers.length === 1, 5_000, 'renegotiation offer');
		expect(offers[0].peerId).toBe('viewer-1');
		expect(trackLists).toEqual([0]);
		expect(room.tracks()).toEqual([]);
		// Both m-lines stay (for reuse) but carry nothing now.
		const directions = offers[0].sdp.match(/^a=(sendonly|inactive|sendrecv|recvonly)$/gm);
		expect(directions).toEqual(['a=inactive', 'a=inactive']);
		await viewer.answer(room, { type: 'offer', sdp: offers[0].sdp });
	});

	it("adds a screen share on the publisher's running connection without interrupting its camera at the viewers", async () => {
		const room = setUp();
		const publisher = new TestPublisher('speaker-1', false);
		const viewer = new TestViewer('viewer-1');
		peers.push(publisher, viewer);
		room.on('offer', (peerId, offer) => void (peerId === 'viewer-1' && viewer.answer(room, offer)));
		await publisher.publish(room);
		publisher.start();
		await viewer.join(room);
		await waitFor(() => viewer.video().length >= 20, 15_000, 'camera at the viewer');
		const pliBefore = publisher.pliReceived;
		const cameraSsrc = viewer.video()[0].ssrc;
		const changedAt = Date.now();
		await publisher.addScreen(room);
		expect(
			room
				.tracks()
				.map((t) => t.source)
				.sort()
		).toEqual(['camera', 'screen']);
		// The screen reaches the viewer on a second SSRC, through the viewer's renegotiated leg.
		await waitFor(
			() => viewer.video().some((r) => r.ssrc !== cameraSsrc && r.payload[2] === 0xee),
			15_000,
			'screen at the viewer'
		);
		await waitFor(
			() => viewer.video().filter((r) => r.ssrc === cameraSsrc && r.at > Date.now() - 200).length > 0,
			5_000,
			'camera still flowing'
		);
		// The camera never stopped: no gap of a second around the change (a rebuilt connection
		// waits for ICE, DTLS and a keyframe), and it never had to restart on a keyframe.
		const camera = viewer
			.video()
			.filter((r) => r.ssrc === cameraSsrc && r.at >= changedAt - 500)
			.map((r) => r.at);
		const gaps = camera.slice(1).map((at, i) => at - camera[i]);
		expect(Math.max(...gaps)).toBeLessThan(1000);
		expect(publisher.pc.connectionState).toBe('connected');
		expect(publisher.pliReceived).toBe(pliBefore);
	});

	it("resends packets a viewer lost (NACK → RTX from the SFU's history)", async () => {
		const room = setUp();
		const publisher = new TestPublisher('speaker-1', false);
		const lossy = new TestViewer('viewer-1', { dropPercent: 10 });
		peers.push(publisher, lossy);
		await publisher.publish(room);
		publisher.start();
		await lossy.join(room);
		// Counted from the viewer's start (a worker's leg may take a moment longer to connect).
		await waitFor(() => lossy.video().length > 0, 10_000, 'first video');
		const start = publisher.frames;
		await waitFor(() => publisher.frames > start + 120, 15_000, '120 more frames');
		await new Promise((resolve) => setTimeout(resolve, 500));
		// Both packets of 100 frames (the frame counter mod 256 is payload byte 2): about 10% of them
		// were dropped on arrival, and the retransmissions (dropped at the same rate) fill nearly all gaps.
		const seen = new Set(lossy.video().map((r) => `${r.payload[2]}:${r.payload[0]}`));
		let missing = 0;
		for (let frame = start + 10; frame <= start + 110; frame++)
			for (const part of [0x10, 0x00]) if (!seen.has(`${frame & 0xff}:${part}`)) missing++;
		await waitFor(() => backend.stats().retransmissions > 5, 5_000, 'retransmission counters');
		expect(backend.stats().retransmissions).toBeGreaterThan(5);
		expect(missing).toBeLessThan(8);
	});

	it('lets a viewer wait in an empty room and offers it the first track when someone publishes', async () => {
		const room = setUp();
		const viewer = new TestViewer('viewer-1');
		const publisher = new TestPublisher('speaker-1');
		peers.push(viewer, publisher);
		// An offer without media lines would carry no BUNDLE group, which browsers refuse: none is made.
		expect(await viewer.join(room)).toBeNull();
		room.on('offer', (peerId, offer) => {
			if (peerId === viewer.peerId) void viewer.answer(room, offer);
		});
		await publisher.publish(room);
		publisher.start();
		await waitFor(() => viewer.video().length >= 10, 10_000, 'video after the first publish');
		expect(viewer.offers[0].sdp).toMatch(/a=group:BUNDLE /);
	});

	it('offers only 127.0.0.1 candidates when MEDIA_LISTEN_IP=127.0.0.1', async () => {
		const room = setUp();
		const publisher = new TestPublisher('speaker-1');
		peers.push(publisher);
		await publisher.publish(room);
		const viewerOffer = (await room.subscribe('viewer-1'))!;
		const answer = publisher.pc.remoteDescription!.sdp;
		expect(candidateAddresses(viewerOffer.sdp).length).toBeGreaterThan(0);
		expect(new Set([...candidateAddresses(viewerOffer.sdp), ...candidateAddresses(answer)])).toEqual(
			new Set(['127.0.0.1'])
		);
		expect(answer).toMatch(/x-google-start-bitrate=/);
		expect(answer).not.toMatch(/transport-wide-cc|transport-cc/);
	});
});
