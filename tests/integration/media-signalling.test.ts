// The media:* socket events: grants checked on every request, malformed payloads refused with a
// clear message, and the room's pushes reaching the right socket. Real SFU, real werift peers.
import { afterEach, describe, expect, it } from 'vitest';
import type { MediaBackend, MediaRoom } from '../../src/lib/server/media/backend';
import { registerMediaSignalling } from '../../src/lib/server/media/signalling';
import { FakeMediaSocket } from './media-fake-socket';
import { createMediaBackend } from '../../src/lib/server/media/werift-backend';
import { readConfig } from '../../src/lib/server/config';
import { TEST_MEDIA_CONFIG, TestPublisher, TestViewer, silentLogger, waitFor } from './media-support';

let backend: MediaBackend;
let room: MediaRoom;
const peers: Array<{ close(): Promise<void> }> = [];

afterEach(async () => {
	for (const peer of peers.splice(0)) await peer.close();
	await backend?.close();
});

function setUp() {
	backend = createMediaBackend(TEST_MEDIA_CONFIG, silentLogger);
	room = backend.room('ir-1');
}

async function browserLikeOffer() {
	const publisher = new TestPublisher('unused');
	peers.push(publisher);
	publisher.pc.addTransceiver(publisher.video, { direction: 'sendonly' });
	await publisher.pc.setLocalDescription(await publisher.pc.createOffer());
	return {
		offer: { type: 'offer' as const, sdp: publisher.pc.localDescription!.sdp },
		mid: publisher.pc.getTransceivers()[0].mid!
	};
}

describe('media signalling', () => {
	it('refuses media:publish while canPublish() is false, and accepts it once the grant changes', async () => {
		setUp();
		const socket = new FakeMediaSocket();
		let speaker = false;
		registerMediaSignalling(socket, { room, peerId: 'user-1', canPublish: () => speaker, canSubscribe: () => true });
		const { offer, mid } = await browserLikeOffer();

		const refused = await socket.request('media:publish', { offer, sources: { [mid]: 'camera' } });
		expect(refused).toEqual({
			ok: false,
			error: { code: 'media_publish_forbidden', message: expect.stringContaining('speaker') }
		});
		expect(room.tracks()).toEqual([]);

		speaker = true; // promoted: the grant is asked again on the next request
		const accepted = await socket.request('media:publish', { offer, sources: { [mid]: 'camera' } });
		expect(accepted.ok).toBe(true);
		expect(accepted.answer?.sdp).toMatch(/^v=0/);
		expect(room.tracks().map((t) => t.trackId)).toEqual(['camera~user-1']);

		// Candidates of the publishing leg are refused too once the grant is gone.
		speaker = false;
		const ice = await socket.request('media:ice', {
			leg: 'publish',
			candidate: { candidate: 'candidate:1 1 udp 1 127.0.0.1 9 typ host', sdpMid: mid }
		});
		expect(ice.error?.code).toBe('media_publish_forbidden');
	});

	it('refuses media:subscribe and media:answer while canSubscribe() is false', async () => {
		setUp();
		const socket = new FakeMediaSocket();
		registerMediaSignalling(socket, { room, peerId: 'user-2', canPublish: () => false, canSubscribe: () => false });
		const subscribe = await socket.request('media:subscribe', {});
		expect(subscribe).toEqual({
			ok: false,
			error: { code: 'media_subscribe_forbidden', message: "You may not watch this session's video." }
		});
		const answer = await socket.request('media:answer', {
			answer: { type: 'answer', sdp: 'v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\n' }
		});
		expect(answer.error?.code).toBe('media_subscribe_forbidden');
		expect(room.stats().subscribers).toBe(0);
	});

	it("rejects malformed payloads with a message naming the field, in the user's language", async () => {
		setUp();
		const socket = new FakeMediaSocket();
		registerMediaSignalling(socket, { room, peerId: 'user-1', canPublish: () => true, canSubscribe: () => true });
		const noSdp = await socket.request('media:publish', { offer: { type: 'offer' }, sources: { '0': 'camera' } });
		expect(noSdp).toEqual({
			ok: false,
			error: { code: 'media_invalid_payload', message: expect.stringContaining('offer.sdp') }
		});
		const badSource = await socket.request('media:publish', {
			offer: { type: 'offer', sdp: 'v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\n' },
			sources: { '0': 'webcam' }
		});
		expect(badSource.error?.message).toContain('sources.0');
		expect(
			(await socket.request('media:ice', { leg: 'sideways', candidate: { candidate: '' } })).error?.message
		).toContain('leg');
		expect((await socket.request('media:answer', 'nonsense')).error?.code).toBe('media_invalid_payload');

		socket.data.user.locale = 'ko' as 'en';
		const korean = await socket.request('media:publish', null);
		expect(korean.error?.message).toMatch(/미디어 요청 형식/);
	});

	it('refuses an offer whose m-lines do not match the declared sources', async () => {
		setUp();
		const socket = new FakeMediaSocket();
		registerMediaSignalling(socket, { room, peerId: 'user-1', canPublish: () => true, canSubscribe: () => true });
		const { offer, mid } = await browserLikeOffer();
		const reply = await socket.request('media:publish', { offer, sources: { [mid]: 'microphone' } });
		expect(reply.error?.code).toBe('media_invalid_offer');
	});

	it('subscribes over the socket and pushes renegotiation offers and track lists to it', async () => {
		setUp();
		const socket = new FakeMediaSocket();
		const dispose = registerMediaSignalling(socket, {
			room,
			peerId: 'viewer-1',
			canPublish: () => false,
			canSubscribe: () => true
		});
		const viewer = new TestViewer('viewer-1');
		const publisher = new TestPublisher('speaker-1');
		peers.push(viewer, publisher);

		// Nobody publishes yet: no offer now (one without media lines would have no BUNDLE group).
		const subscribed = await socket.request('media:subscribe', {});
		expect(subscribed).toMatchObject({ ok: true, offer: null, tracks: [] });

		await publisher.publish(room);
		await waitFor(() => socket.pushed.some((p) => p.event === 'media:offer'), 5_000, 'media:offer push');
		const push = socket.pushed.find((p) => p.event === 'media:offer')!;
		expect(push.payload.offer.sdp).toMatch(/a=msid:camera~speaker-1 /);
		expect(push.payload.offer.sdp).toMatch(/a=group:BUNDLE /);
		expect(push.payload.tracks).toHaveLength(2);
		expect(socket.pushed.find((p) => p.event === 'media:tracks')?.payload.tracks).toHaveLength(2);
		// The viewer's first answer is to that pushed offer.
		await viewer.pc.setRemoteDescription(push.payload.offer);
		await viewer.pc.setLocalDescription(await viewer.pc.createAnswer());
		expect(
			(await socket.request('media:answer', { answer: { type: 'answer', sdp: viewer.pc.localDescription!.sdp } })).ok
		).toBe(true);

		dispose();
		expect(socket.listeners.size).toBe(0);
		await room.unpublish('speaker-1');
		expect(socket.pushed.filter((p) => p.event === 'media:tracks')).toHaveLength(1);
	});
});

describe('media configuration', () => {
	it('has defaults and parses MEDIA_ICE_SERVERS', () => {
		const config = readConfig({
			MEDIA_ICE_SERVERS: '[{"urls":"turn:turn.example.org:3478","username":"u","credential":"p"}]'
		});
		expect(config.MEDIA_LISTEN_IP).toBe('0.0.0.0');
		expect(config.MEDIA_PORT_MIN).toBeLessThanOrEqual(config.MEDIA_PORT_MAX);
		expect(config.MEDIA_ICE_SERVERS).toEqual([{ urls: 'turn:turn.example.org:3478', username: 'u', credential: 'p' }]);
	});
	it('refuses a broken media configuration at start', () => {
		expect(() => readConfig({ MEDIA_ICE_SERVERS: 'stun:x' })).toThrow(/MEDIA_ICE_SERVERS/);
		expect(() => readConfig({ MEDIA_ICE_SERVERS: '[{"urls":"http://x"}]' })).toThrow(/MEDIA_ICE_SERVERS/);
		expect(() => readConfig({ MEDIA_PORT_MIN: '50000', MEDIA_PORT_MAX: '40000' })).toThrow(/MEDIA_PORT_MAX/);
		expect(() => readConfig({ MEDIA_LISTEN_IP: 'localhost' })).toThrow(/MEDIA_LISTEN_IP/);
	});
});
