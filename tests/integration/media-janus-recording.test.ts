// Recording on the Janus backend (issue #14) with werift peers against a real Janus: the VideoRoom
// records every publisher (also one who joins later), and stopping (twice) converts the .mjr files
// with janus-pp-rec into the per-track files and `tracks.jsonl` the processing job reads. Runs in
// the network namespace of `node scripts/test.js janus`; elsewhere it is skipped with the reason.
import { mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { MediaBackend } from '../../src/lib/server/media/backend';
import { createJanusBackend } from '../../src/lib/server/media/janus/janus-backend';
import { convertJanusRecordings } from '../../src/lib/server/media/janus/janus-recording-convert';
import { prepareParts } from '../../src/lib/server/ir/recording/parts';
import { parseTracksManifest, TRACKS_MANIFEST } from '../../src/lib/server/media/recording/sink';
import { JANUS_PEER_ADDRESS, janusUnavailableReason, startJanus, type RunningJanus } from '../support/janus';
import { LOOPBACK, TestPublisher, silentLogger, waitFor } from './media-support';

LOOPBACK.iceAdditionalHostAddresses = [JANUS_PEER_ADDRESS];
LOOPBACK.iceInterfaceAddresses.udp4 = JANUS_PEER_ADDRESS;

const skipReason = janusUnavailableReason();
if (skipReason) console.warn(`media-janus-recording tests skipped: ${skipReason}`);

let janus: RunningJanus;
let backend: MediaBackend;
let dir: string;
const peers: TestPublisher[] = [];
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));
const manifest = async () => parseTracksManifest(await readFile(join(dir, TRACKS_MANIFEST), 'utf8').catch(() => ''));

describe.skipIf(skipReason)('Janus recording', () => {
	beforeAll(async () => {
		// Ports of its own: vitest runs this file beside media-janus.test.ts, which has Janus's defaults.
		janus = await startJanus({ httpPort: 5628, adminPort: 5629, rtpPortRange: '43000-43999' });
	}, 30_000);
	afterAll(async () => {
		await janus?.stop();
	});
	afterEach(async () => {
		for (const peer of peers.splice(0)) await peer.close();
		await backend?.close();
		await rm(dir, { recursive: true, force: true });
	});

	const connect = async () => {
		dir = await mkdtemp(join(tmpdir(), 'mc-janusrec-'));
		backend = createJanusBackend(
			{
				JANUS_URL: janus.url,
				JANUS_API_SECRET: janus.apiSecret,
				MEDIA_ICE_SERVERS: [],
				JANUS_REQUEST_TIMEOUT_MS: 5_000
			},
			silentLogger
		);
		return backend.room('ir-janus-rec');
	};

	it('records the publishers, a late joiner too, and lists every track with its offset', async () => {
		const room = await connect();
		const first = new TestPublisher('speaker-1');
		peers.push(first);
		await first.publish(room);
		first.start();
		await waitFor(() => backend.stats().publishers === 1, 5_000, 'publisher');
		const startedAt = Date.now();
		const sink = room.recordItself!('rec-1', dir, startedAt);
		await sleep(1500);
		const late = new TestPublisher('speaker-late', false);
		peers.push(late);
		await late.publish(room);
		late.start();
		await sleep(1500);
		await sink.stop();
		await sink.stop(); // stopping twice is safe and lists nothing twice
		const tracks = await manifest();
		expect(tracks.map((t) => `${t.publisherId}:${t.source}:${t.kind}`).sort()).toEqual([
			'speaker-1:camera:video',
			'speaker-1:microphone:audio',
			'speaker-late:camera:video'
		]);
		const lateTrack = tracks.find((t) => t.publisherId === 'speaker-late')!;
		expect(lateTrack.offsetMs).toBeGreaterThanOrEqual(1000);
		expect(lateTrack.offsetMs).toBeLessThan(3000);
		for (const track of tracks) expect((await stat(join(dir, track.file))).size).toBeGreaterThan(0);
		expect((await readdir(dir)).filter((name) => name.endsWith('.mjr'))).toEqual([]);
		// The processing job's first step (ffmpeg remux of each part) finds media in every converted file.
		const work = await mkdtemp(join(tmpdir(), 'mc-janusrec-work-'));
		const prepared = await prepareParts(dir, work, tracks);
		await rm(work, { recursive: true, force: true });
		expect(prepared.skipped).toEqual([]);
		expect(prepared.tracks).toHaveLength(3);
	}, 40_000);

	it('converts what a crashed sink left when the resumed one stops, and skips a torn file', async () => {
		const room = await connect();
		const publisher = new TestPublisher('speaker-2');
		peers.push(publisher);
		await publisher.publish(room);
		publisher.start();
		await waitFor(() => backend.stats().publishers === 1, 5_000, 'publisher');
		const startedAt = Date.now();
		// The first sink is never stopped (its process died); Janus kept writing until the resume.
		room.recordItself!('rec-2', dir, startedAt);
		await sleep(1200);
		await writeFile(join(dir, 'zz-001-video-0.mjr'), 'MJR00002 torn');
		await writeFile(join(dir, 'zz-001.janus.json'), JSON.stringify({ publisherId: 'x', sources: ['camera'] }));
		// The room goes away with the process: Janus closes the files it was writing.
		await backend.close();
		await convertJanusRecordings(dir, startedAt, silentLogger, 'rec-2');
		const tracks = await manifest();
		expect(tracks.map((t) => `${t.publisherId}:${t.kind}`).sort()).toEqual(['speaker-2:audio', 'speaker-2:video']);
		// The torn file stays for an operator; converting again lists nothing twice.
		await convertJanusRecordings(dir, startedAt, silentLogger, 'rec-2');
		expect(await manifest()).toHaveLength(2);
	}, 40_000);
});
