// The recording sink on the werift SFU: the room's ingest tap hands it every published track, it
// asks for a keyframe, writes one WebM file per track with werift's MediaRecorder and lists them
// in tracks.jsonl; a republish starts new files; after stop no more bytes are written. A part the
// manifest lists holds its first keyframe (real VP8 frames, as a browser sends only when asked).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMediaBackend } from '../../src/lib/server/media/werift-backend';
import type { MediaBackend } from '../../src/lib/server/media/backend';
import { parseTracksManifest, TRACKS_MANIFEST } from '../../src/lib/server/media/recording/sink';
import { startWeriftRecording } from '../../src/lib/server/media/recording/werift-sink';
import { MediaStreamTrack } from 'werift';
import type { MediaRoom } from '../../src/lib/server/media/backend';
import { prepareParts } from '../../src/lib/server/ir/recording/parts';
import { TestPublisher, silentLogger, waitFor } from './media-support';
import { encodedFrames, isVp8Keyframe, packetize, videoCodec } from './werift-webm-support';

// UDP ports of this file's peer connections: the recording engineer's range.
const CONFIG = { MEDIA_LISTEN_IP: '127.0.0.1', MEDIA_PORT_MIN: 44100, MEDIA_PORT_MAX: 44199, MEDIA_ICE_SERVERS: [] };

let backend: MediaBackend;
let dir: string;

beforeAll(async () => {
	backend = createMediaBackend(CONFIG, silentLogger);
	dir = await mkdtemp(join(tmpdir(), 'mc-sink-'));
});
afterAll(async () => {
	await backend.close();
	await rm(dir, { recursive: true, force: true });
});

const manifest = async () => parseTracksManifest(await readFile(join(dir, TRACKS_MANIFEST), 'utf8').catch(() => ''));

describe('werift recording sink', () => {
	it('writes each published track to its own WebM file from its first (key)frame, and stops writing when stopped', async () => {
		const room = backend.room('rec-room');
		const publisher = new TestPublisher('presenter-1');
		await publisher.publish(room);
		publisher.start();
		// Past the publisher's first keyframe: the sink has to ask for one.
		await new Promise((resolve) => setTimeout(resolve, 500));
		const pliBefore = publisher.pliReceived;
		const sink = startWeriftRecording(room, 'rec-1', dir, silentLogger);
		await waitFor(() => publisher.pliReceived > pliBefore, 5000, 'a keyframe request when recording starts');
		await new Promise((resolve) => setTimeout(resolve, 1500));
		await sink.stop();
		const tracks = await manifest();
		expect(tracks.map((t) => [t.source, t.kind, t.publisherId]).sort()).toEqual([
			['camera', 'video', 'presenter-1'],
			['microphone', 'audio', 'presenter-1']
		]);
		for (const track of tracks) expect(track.offsetMs).toBeGreaterThanOrEqual(0);
		const sizes = await Promise.all(tracks.map(async (t) => (await stat(join(dir, t.file))).size));
		for (const size of sizes) expect(size).toBeGreaterThan(1000);
		// WebM starts with the EBML magic.
		const head = await readFile(join(dir, tracks[0].file));
		expect(head.subarray(0, 4).toString('hex')).toBe('1a45dfa3');
		await new Promise((resolve) => setTimeout(resolve, 500));
		const after = await Promise.all(tracks.map(async (t) => (await stat(join(dir, t.file))).size));
		expect(after).toEqual(sizes);
		await publisher.close();
	}, 30_000);

	it('fails loudly on a room that cannot be tapped', () => {
		const room = { ...backend.room('other'), tapIngest: undefined };
		expect(() => startWeriftRecording(room, 'rec-2', dir, silentLogger)).toThrow();
	});

	it('lists a video part only with a keyframe its writer received, even one that comes before werift opened the file', async () => {
		const frames = encodedFrames('video', 2);
		const track = new MediaStreamTrack({ kind: 'video', codec: videoCodec() });
		let next = 0;
		let sent = 0;
		let keyframeDue = false;
		// Like a browser: the next frame is a keyframe only when one was asked for.
		const send = () => {
			let index = next % frames.length;
			if (keyframeDue) while (!isVp8Keyframe(frames[index]!)) index = (index + 1) % frames.length;
			keyframeDue = false;
			next = index + 1;
			const frame = { data: frames[index]!.data, timestamp: ++sent * 6000 };
			for (const packet of packetize('video', [frame], sent * 10)) track.onReceiveRtp.execute(packet);
		};
		const room = {
			id: 'first-frame',
			tapIngest: (tap: (ingest: unknown) => void) => (
				tap({ peerId: 'p', source: 'camera', track, requestKeyframe: () => (keyframeDue = true) }),
				() => {}
			)
		} as unknown as MediaRoom;
		const own = await mkdtemp(join(tmpdir(), 'mc-sink-first-'));
		try {
			const sink = startWeriftRecording(room, 'rec-3', own, silentLogger);
			// The stream's first keyframe arrives at once, before werift has opened the file.
			send();
			for (let i = 0; i < 40; i++) {
				await new Promise((resolve) => setTimeout(resolve, 20));
				send();
			}
			await sink.stop();
			const listed = parseTracksManifest(await readFile(join(own, TRACKS_MANIFEST), 'utf8').catch(() => ''));
			expect(listed).toHaveLength(1);
			const parts = await prepareParts(own, own, listed);
			expect(parts.skipped).toEqual([]);
			expect(parts.tracks).toHaveLength(1);
		} finally {
			await rm(own, { recursive: true, force: true });
		}
	}, 30_000);
});
