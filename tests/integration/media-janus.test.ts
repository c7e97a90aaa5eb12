// The Janus backend with real werift peers against a real Janus (Debian's janus, started here with
// deploy/janus/): forwarding with the portal's stream names, late joiners, unpublish, the portal's
// grants, and Janus going away. Runs inside the network namespace of `node scripts/test.js janus`
// (Janus needs its own non-loopback interface); elsewhere it is skipped with the reason.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
	MediaError,
	type MediaBackend,
	type MediaRoom,
	type SessionDescription
} from '../../src/lib/server/media/backend';
import { createJanusBackend } from '../../src/lib/server/media/janus/janus-backend';
import { registerMediaSignalling } from '../../src/lib/server/media/signalling';
import { JANUS_PEER_ADDRESS, janusUnavailableReason, startJanus, type RunningJanus } from '../support/janus';
import { FakeMediaSocket } from './media-fake-socket';
import { LOOPBACK, TestPublisher, TestViewer, silentLogger, waitFor } from './media-support';

// Janus sends only through its own interface (see tests/support/janus.ts): the werift peers of this
// file (its own module instance of media-support) gather on that interface's address too.
LOOPBACK.iceAdditionalHostAddresses = [JANUS_PEER_ADDRESS];
LOOPBACK.iceInterfaceAddresses.udp4 = JANUS_PEER_ADDRESS;

const skipReason = janusUnavailableReason();
if (skipReason) console.warn(`media-janus tests skipped: ${skipReason}`);

let janus: RunningJanus;
let backend: MediaBackend;
const peers: Array<{ close(): Promise<void> | void }> = [];

const connect = () =>
	createJanusBackend(
		{ JANUS_URL: janus.url, JANUS_API_SECRET: janus.apiSecret, MEDIA_ICE_SERVERS: [], JANUS_REQUEST_TIMEOUT_MS: 5_000 },
		silentLogger
	);

/** Answers every server offer the room pushes to these viewers (renegotiations). */
function answerPushedOffers(room: MediaRoom, viewers: TestViewer[]) {
	return room.on('offer', (peerId: string, offer: SessionDescription) => {
		const viewer = viewers.find((v) => v.peerId === peerId);
		void viewer?.answer(room, offer).catch(() => {});
	});
}

describe.skipIf(skipReason)('Janus backend', () => {
	beforeAll(async () => {
		janus = await startJanus();
	}, 30_000);
	afterAll(async () => {
		await janus?.stop();
	});
	afterEach(async () => {
		for (const peer of peers.splice(0)) await peer.close();
		await backend?.close();
	});

	it('forwards a publisher to two viewers, named with the portal stream ids', async () => {
		backend = connect();
		const room = backend.room('ir-janus-1');
		const publisher = new TestPublisher('speaker-1');
		const first = new TestViewer('viewer-1');
		const second = new TestViewer('viewer-2');
		peers.push(publisher, first, second);
		answerPushedOffers(room, [first, second]);
		await publisher.publish(room);
		publisher.start();
		expect(
			room
				.tracks()
				.map((t) => `${t.kind}:${t.source}:${t.streamId}`)
				.sort()
		).toEqual(['audio:microphone:camera~speaker-1', 'video:camera:camera~speaker-1']);
		await waitFor(() => backend.stats().publishers === 1, 5_000, 'publisher registered');
		await first.join(room);
		await second.join(room);
		await waitFor(() => first.video().length >= 20 && second.video().length >= 20, 15_000, 'video at both viewers');
		await waitFor(
			() => first.received.some((r) => r.kind === 'audio') && second.received.some((r) => r.kind === 'audio'),
			5_000,
			'audio'
		);
		for (const viewer of [first, second]) {
			const offer = viewer.offers.at(-1)!.sdp;
			expect(offer).toMatch(/a=msid:camera~speaker-1 camera~speaker-1/);
			expect(offer).toMatch(/a=msid:camera~speaker-1 microphone~speaker-1/);
			expect(offer).not.toMatch(/a=msid:janus/);
			// Payloads arrive unchanged (900 bytes of 7 after the 3-byte header of the first packet).
			expect(viewer.video().some((r) => r.payload.length === 903 && r.payload[3] === 7)).toBe(true);
		}
		expect(backend.stats()).toMatchObject({ rooms: 1, publishers: 1, subscribers: 2, tracks: 2 });
	});

	it('gives a viewer who joins before the publisher its first offer through the offer event, and a late joiner video', async () => {
		backend = connect();
		const room = backend.room('ir-janus-2');
		const early = new TestViewer('viewer-early');
		const late = new TestViewer('viewer-late');
		const publisher = new TestPublisher('speaker-2');
		peers.push(early, late, publisher);
		answerPushedOffers(room, [early, late]);
		expect(await early.join(room)).toBeNull();
		await publisher.publish(room);
		publisher.start();
		await waitFor(
			() => early.video().length > 30,
			15_000,
			'early viewer video (offer pushed after the publisher came up)'
		);
		const pliBefore = publisher.pliReceived;
		await late.join(room);
		await waitFor(() => late.video().length > 0, 15_000, 'late viewer video');
		// Janus asks the publisher for a keyframe for the new subscriber.
		await waitFor(() => publisher.pliReceived > pliBefore, 5_000, 'a PLI for the late joiner');
	});

	it('renegotiates viewers without the tracks when the publisher unpublishes', async () => {
		backend = connect();
		const room = backend.room('ir-janus-3');
		const publisher = new TestPublisher('speaker-3');
		const viewer = new TestViewer('viewer-3');
		peers.push(publisher, viewer);
		answerPushedOffers(room, [viewer]);
		const trackLists: number[] = [];
		room.on('tracks', (tracks) => trackLists.push(tracks.length));
		await publisher.publish(room);
		publisher.start();
		await waitFor(() => backend.stats().publishers === 1, 5_000, 'publisher');
		await viewer.join(room);
		await waitFor(() => viewer.video().length > 10, 15_000, 'video');
		const offersBefore = viewer.offers.length;
		await room.unpublish('speaker-3');
		expect(room.tracks()).toEqual([]);
		expect(trackLists.at(-1)).toBe(0);
		await waitFor(() => viewer.offers.length > offersBefore, 10_000, 'a renegotiation without the tracks');
		expect(viewer.offers.at(-1)!.sdp).not.toMatch(/a=msid:camera~speaker-3/);
		expect(backend.stats().publishers).toBe(0);
	});

	it('keeps the grants in the portal: a viewer may not publish, and Janus never hears of it', async () => {
		backend = connect();
		const room = backend.room('ir-janus-4');
		const socket = new FakeMediaSocket();
		registerMediaSignalling(socket, { room, peerId: 'viewer-4', canPublish: () => false, canSubscribe: () => false });
		const publisher = new TestPublisher('viewer-4');
		peers.push(publisher);
		publisher.pc.addTransceiver(publisher.video, { direction: 'sendonly' });
		await publisher.pc.setLocalDescription(await publisher.pc.createOffer());
		const offer = { type: 'offer', sdp: publisher.pc.localDescription!.sdp };
		const reply = await socket.request('media:publish', {
			offer,
			sources: { [publisher.pc.getTransceivers()[0].mid!]: 'camera' }
		});
		expect(reply).toMatchObject({ ok: false, error: { code: 'media_publish_forbidden' } });
		expect(await socket.request('media:subscribe', {})).toMatchObject({
			ok: false,
			error: { code: 'media_subscribe_forbidden' }
		});
		expect(backend.stats()).toMatchObject({ publishers: 0, subscribers: 0, tracks: 0 });
		// Someone else's peer id cannot be smuggled in, and a broken offer is refused before Janus.
		expect(
			await socket.request('media:publish', {
				offer: { type: 'offer', sdp: 'v=0 nonsense' },
				sources: { '0': 'camera' }
			})
		).toMatchObject({ ok: false });
	});

	// Known defect (issue #12): in about one session in four Janus 1.1.2 resends nothing to this viewer
	// at all (resent 0), while the other sessions resend 5–17 packets. Not yet diagnosed; until it is,
	// the test gets two more sessions, and each must still show real resending.
	it('resends packets a lossy viewer NACKs (Janus answers from its own history)', { retry: 2 }, async () => {
		backend = connect();
		const room = backend.room('ir-janus-7');
		const publisher = new TestPublisher('speaker-7', false);
		const lossy = new TestViewer('viewer-7', { dropPercent: 10 });
		peers.push(publisher, lossy);
		answerPushedOffers(room, [lossy]);
		await publisher.publish(room);
		publisher.start();
		await lossy.join(room);
		await waitFor(() => publisher.frames > 150, 15_000, '150 frames');
		await new Promise((resolve) => setTimeout(resolve, 500));
		// Both packets of frames 40–140: about 10 % (≈ 20) are dropped on arrival; without
		// retransmissions they would stay missing (a retransmission is dropped at the same rate, and a
		// busy machine delays some NACKs past Janus's history, so not every hole is filled).
		const seen = new Set(lossy.video().map((r) => `${r.payload[2]}:${r.payload[0]}`));
		let missing = 0;
		for (let frame = 40; frame <= 140; frame++)
			for (const part of [0x10, 0x00]) if (!seen.has(`${frame}:${part}`)) missing++;
		// A packet of an earlier frame arriving after a later frame's is a retransmission: on loopback
		// nothing else reorders. Janus must resend some, and leave fewer holes than the ≈ 20 of no resending.
		let resent = 0;
		let newest = -1;
		for (const record of lossy.video()) {
			if (record.payload[2] < newest) resent++;
			newest = Math.max(newest, record.payload[2]);
		}
		expect(resent).toBeGreaterThan(0);
		expect(missing).toBeLessThan(20);
	});

	it('refuses an offer Janus cannot use and ignores candidates for other hosts, without stalling the room', async () => {
		backend = connect();
		const room = backend.room('ir-janus-6');
		const broken =
			'v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\nm=video 9 UDP/TLS/RTP/SAVPF 96\r\na=mid:0\r\na=sendonly\r\na=rtpmap:96 VP8/90000\r\n';
		await expect(room.publish('speaker-6', { type: 'offer', sdp: broken }, { '0': 'camera' })).rejects.toEqual(
			new MediaError('media_invalid_offer')
		);
		expect(room.tracks()).toEqual([]);
		expect(backend.stats().publishers).toBe(0);
		const publisher = new TestPublisher('speaker-6');
		const viewer = new TestViewer('viewer-6');
		peers.push(publisher, viewer);
		answerPushedOffers(room, [viewer]);
		await publisher.publish(room);
		publisher.start();
		await room.addIceCandidate('speaker-6', 'publish', {
			candidate: 'candidate:1 1 udp 2122260223 10.255.1.2 9 typ host',
			sdpMid: '0',
			sdpMLineIndex: 0
		});
		await room.addIceCandidate('nobody', 'subscribe', {
			candidate: 'candidate:1 1 udp 2122260223 192.0.2.1 9 typ host',
			sdpMid: '0'
		});
		await viewer.join(room);
		await room.addIceCandidate('viewer-6', 'subscribe', {
			candidate: 'candidate:1 1 udp 2122260223 198.51.100.7 9 typ host',
			sdpMid: '0',
			sdpMLineIndex: 0
		});
		await waitFor(() => viewer.video().length > 10, 15_000, 'video despite the bad input');
	});

	it('answers with a clear media_unavailable when Janus goes away, and works again when it is back', async () => {
		backend = connect();
		const room = backend.room('ir-janus-5');
		const socket = new FakeMediaSocket();
		registerMediaSignalling(socket, { room, peerId: 'viewer-5', canPublish: () => true, canSubscribe: () => true });
		expect(await socket.request('media:subscribe', {})).toMatchObject({ ok: true, offer: null });
		await janus.stop();
		try {
			const reply = await socket.request('media:subscribe', {});
			expect(reply).toMatchObject({ ok: false, error: { code: 'media_unavailable' } });
			expect(reply.error?.message).toMatch(/media server \(Janus\) cannot be reached/);
			await expect(
				room.publish(
					'speaker-5',
					{ type: 'offer', sdp: 'v=0\r\nm=video 9 UDP/TLS/RTP/SAVPF 96\r\na=mid:0\r\na=sendonly\r\n' },
					{ '0': 'camera' }
				)
			).rejects.toEqual(new MediaError('media_unavailable'));
		} finally {
			janus = await startJanus();
		}
		backend = connect();
		const again = backend.room('ir-janus-5');
		const publisher = new TestPublisher('speaker-5');
		const viewer = new TestViewer('viewer-5b');
		peers.push(publisher, viewer);
		answerPushedOffers(again, [viewer]);
		await publisher.publish(again);
		publisher.start();
		await viewer.join(again);
		await waitFor(() => viewer.video().length > 0, 15_000, 'video after Janus came back');
	}, 60_000);
});
