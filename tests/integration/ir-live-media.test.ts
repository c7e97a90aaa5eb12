// The media grants of the live room, over real sockets and the real SFU on 127.0.0.1: a viewer's
// publish is refused, a promoted speaker's is accepted, and a demotion takes the speaker's tracks off.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import { RTCPeerConnection, MediaStreamTrack } from 'werift';
import type { DB } from '$lib/server/db';
import type { Database } from '$lib/server/db/connect';
import type { MediaBackend } from '$lib/server/media/backend';
import { createMediaBackend } from '$lib/server/media/werift-backend';
import { registerMediaSignalling } from '$lib/server/media/signalling';
import * as registry from '$lib/server/ir/live/registry';
import { createTestDatabase } from './support/database';
import { LOOPBACK, silentLogger } from './media-support';
import {
	createAttendee,
	createLiveSession,
	nextEvent,
	request,
	startLiveServer,
	type LiveClient
} from './ir-live-support';

let database: Database;
let db: Kysely<DB>;
let backend: MediaBackend;
let server: Awaited<ReturnType<typeof startLiveServer>>;
const peers: RTCPeerConnection[] = [];

beforeAll(async () => {
	database = await createTestDatabase();
	db = database.db;
	backend = createMediaBackend(
		{ MEDIA_LISTEN_IP: '127.0.0.1', MEDIA_PORT_MIN: 43000, MEDIA_PORT_MAX: 43499, MEDIA_ICE_SERVERS: [] },
		silentLogger
	);
	server = await startLiveServer(db, { backend, register: registerMediaSignalling });
});
afterAll(async () => {
	for (const pc of peers) await pc.close();
	await server?.close();
	await backend?.close();
	await database?.close();
});

/** A browser-like offer sending one camera track. */
async function cameraOffer() {
	const pc = new RTCPeerConnection(LOOPBACK);
	peers.push(pc);
	const transceiver = pc.addTransceiver(new MediaStreamTrack({ kind: 'video' }), { direction: 'sendonly' });
	await pc.setLocalDescription(await pc.createOffer());
	return { offer: { type: 'offer', sdp: pc.localDescription!.sdp }, sources: { [transceiver.mid!]: 'camera' } };
}

const socketId = (client: LiveClient) => (client as unknown as { id: string }).id;

describe('live room media grants', () => {
	it("refuses a viewer's publish, accepts it once promoted, and unpublishes on demotion", async () => {
		const { event, moderator } = await createLiveSession(db);
		const { user: viewer } = await createAttendee(db, event.id);
		const moderatorClient = await server.connectAs(moderator);
		await request(moderatorClient, 'ir:join', { eventId: event.id });
		const client = await server.connectAs(viewer);

		// Before joining a room the socket has no media events at all: nothing answers.
		await expect(request(client, 'media:publish', await cameraOffer(), 500)).rejects.toThrow();
		const joined = await request(client, 'ir:join', { eventId: event.id });
		expect(joined.room).toMatchObject({ role: 'viewer', media: true, iceServers: [] });

		expect(await request(client, 'media:publish', await cameraOffer())).toMatchObject({
			ok: false,
			error: { code: 'media_publish_forbidden' }
		});
		expect(backend.room(event.id).tracks()).toEqual([]);
		// Subscribing is granted; with nobody publishing yet there is no offer (it comes with the first track).
		expect(await request(client, 'media:subscribe', {})).toMatchObject({ ok: true, offer: null, tracks: [] });

		await request(client, 'ir:hand_raise', { eventId: event.id });
		const promoted = nextEvent(client, 'ir:role');
		expect(await request(moderatorClient, 'ir:speaker_promote', { eventId: event.id, userId: viewer.id })).toEqual({
			ok: true
		});
		await promoted;
		expect(await request(client, 'media:publish', await cameraOffer())).toMatchObject({
			ok: true,
			answer: { type: 'answer' }
		});
		expect(backend.room(event.id).tracks()).toEqual([
			expect.objectContaining({ publisherId: socketId(client), source: 'camera' })
		]);

		expect(await request(moderatorClient, 'ir:speaker_demote', { eventId: event.id, userId: viewer.id })).toEqual({
			ok: true
		});
		expect(backend.room(event.id).tracks()).toEqual([]);
		expect(await request(client, 'media:publish', await cameraOffer())).toMatchObject({
			ok: false,
			error: { code: 'media_publish_forbidden' }
		});
	});

	it("closes the media room with the last participant, and leaving stops the socket's media events", async () => {
		const { event, presenter } = await createLiveSession(db);
		const client = await server.connectAs(presenter);
		const roomsBefore = backend.stats().rooms;
		await request(client, 'ir:join', { eventId: event.id });
		expect(await request(client, 'media:publish', await cameraOffer())).toMatchObject({ ok: true });
		expect(backend.stats().rooms).toBe(roomsBefore + 1);
		expect(await request(client, 'ir:leave', { eventId: event.id })).toEqual({ ok: true });
		expect(registry.hasRoom(event.id)).toBe(false);
		expect(backend.stats().rooms).toBe(roomsBefore);
		await expect(request(client, 'media:subscribe', {}, 500)).rejects.toThrow();
	});
});
