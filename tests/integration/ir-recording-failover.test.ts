// A recording that lived through a node's death (issue #13's SIGKILL failover), against real
// PostgreSQL, ffmpeg and werift's WebM writer: the killed node's parts are unfinished (no cues, the
// header claiming 24 h, a torn last block), one was opened just before the kill and holds its header
// only, one has no bytes, and the new owner appended its manifest entry onto the killed node's torn
// one. Processing keeps every part with media and leaves the others out; with no media at all the
// recording fails at once, and the team reads why. A resume that read the row just before the stop
// starts no sink.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { appendFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import type { DB } from '$lib/server/db';
import type { Database } from '$lib/server/db/connect';
import { NotFoundError } from '$lib/server/errors';
import { createJobRunner } from '$lib/server/jobs/runner';
import { rawPrefix, type RecordingDeps } from '$lib/server/ir/recording/deps';
import { recordingJobs } from '$lib/server/ir/recording/jobs';
import { readReplay } from '$lib/server/ir/recording/replay';
import { processJobKey, resumeRecordings, startRecording, stopRecording } from '$lib/server/ir/recording/service';
import { ActiveRecordings } from '$lib/server/media/recording/active';
import { TRACKS_MANIFEST, type RecordedTrack } from '$lib/server/media/recording/sink';
import type { MediaBackend, MediaRoom } from '$lib/server/media/backend';
import { createTestDatabase } from './support/database';
import { actorOf, refusal } from './ir-support';
import { liveSession, probeDuration, recordingsDir, testDeps } from './ir-recording-support';
import { truncateTo, writeWeriftPart } from './werift-webm-support';

let database: Database;
let db: Kysely<DB>;
let dir: string;
let cleanup: () => Promise<void>;

beforeAll(async () => {
	database = await createTestDatabase();
	db = database.db;
	({ dir, cleanup } = await recordingsDir());
});
afterAll(async () => {
	await database.close();
	await cleanup();
});

const SECOND = 1000;
const row = (id: string) => db.selectFrom('ir_recordings').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const job = (recordingId: string) =>
	db
		.selectFrom('jobs')
		.select(['state', 'attempts', 'last_error'])
		.where('key', '=', processJobKey(recordingId))
		.executeTakeFirstOrThrow();
const entry = (file: string, kind: 'audio' | 'video', offsetMs: number): RecordedTrack => ({
	file,
	publisherId: 'presenter',
	source: kind === 'video' ? 'camera' : 'microphone',
	kind,
	offsetMs
});
const line = (track: RecordedTrack) => JSON.stringify(track);

/** A live session recording from t0 to t0 + `seconds`, with `write` filling its raw folder in between. */
async function record(seconds: number, write: (raw: string) => Promise<void>) {
	const deps = testDeps(dir);
	const s = await liveSession(db);
	const t0 = new Date(Date.now() - 120 * SECOND);
	const recording = await startRecording(db, deps, actorOf(s.presenter), s.event.id, { now: t0 });
	await write(await deps.store.workDir(rawPrefix(recording.id)));
	await stopRecording(db, deps, actorOf(s.operator), s.event.id, { now: new Date(t0.getTime() + seconds * SECOND) });
	return { s, deps, recording };
}

const runner = (deps: RecordingDeps) =>
	createJobRunner({
		db,
		origin: 'http://127.0.0.1',
		workerId: 'failover-test',
		handlers: recordingJobs(deps).handlers
	});

/** The stretches of the file that are black for at least half a second, in seconds. */
function blackStretches(file: string): Array<[number, number]> {
	const result = spawnSync(
		'ffmpeg',
		['-hide_banner', '-nostdin', '-i', file, '-vf', 'blackdetect=d=0.5:pix_th=0.10', '-an', '-f', 'null', '-'],
		{ encoding: 'utf8' }
	);
	return [...result.stderr.matchAll(/black_start:([\d.]+) black_end:([\d.]+)/g)].map((m) => [
		Number(m[1]),
		Number(m[2])
	]);
}

function streamKinds(file: string): string[] {
	const result = spawnSync('ffprobe', ['-v', 'error', '-show_entries', 'stream=codec_type', '-of', 'csv=p=0', file], {
		encoding: 'utf8'
	});
	return result.stdout.split('\n').filter(Boolean).sort();
}

describe('processing a recording across a SIGKILL failover', () => {
	it('keeps every part with media (the killed node’s unfinished ones repaired) and leaves out the ones without', async () => {
		const { deps, recording } = await record(10, async (raw) => {
			// The killed node: camera and microphone from 0 s, unfinished; the camera's last block torn by the kill.
			await writeWeriftPart(join(raw, 'a-001-camera.webm'), 'video', 4, { killed: true });
			await truncateTo(join(raw, 'a-001-camera.webm'), (await stat(join(raw, 'a-001-camera.webm'))).size - 700);
			await writeWeriftPart(join(raw, 'a-002-microphone.webm'), 'audio', 4, { killed: true });
			// A republish just before the kill: its writer opened the file, no frame reached it.
			await writeWeriftPart(join(raw, 'a-003-camera.webm'), 'video', 1, { killed: true, frames: 0 });
			await writeFile(join(raw, 'a-004-microphone.webm'), '');
			// The new owner from 6 s, finished cleanly (the room moved on).
			await writeWeriftPart(join(raw, 'b-001-camera.webm'), 'video', 4);
			await writeWeriftPart(join(raw, 'b-002-microphone.webm'), 'audio', 4);
			const killed = [
				entry('a-001-camera.webm', 'video', 0),
				entry('a-002-microphone.webm', 'audio', 0),
				entry('a-003-camera.webm', 'video', 3500),
				entry('a-004-microphone.webm', 'audio', 3600)
			];
			// The kill tore the node's last entry; the new owner appended its first one on the same line.
			const torn = line(entry('a-005-camera.webm', 'video', 3900)).slice(0, 30);
			await appendFile(
				join(raw, TRACKS_MANIFEST),
				`${killed.map(line).join('\n')}\n${torn}${line(entry('b-001-camera.webm', 'video', 6000))}\n${line(entry('b-002-microphone.webm', 'audio', 6000))}\n`
			);
		});

		const result = await runner(deps).runDue();
		expect(result.failed).toEqual([]);
		const done = await row(recording.id);
		expect(done).toMatchObject({ status: 'ready', duration_ms: 10_000, last_error: null });
		const file = join(dir, done.storage_key!);
		expect(streamKinds(file)).toEqual(['audio', 'video']);
		expect(probeDuration(file)).toBeGreaterThan(9.5);
		expect(probeDuration(file)).toBeLessThan(10.6);
		// Picture where a part had media (0–4 s on the killed node, 6–10 s on the new owner), black only between.
		const black = blackStretches(file);
		expect(black).toHaveLength(1);
		expect(black[0]![0]).toBeGreaterThan(3.4);
		expect(black[0]![0]).toBeLessThan(4.5);
		expect(black[0]![1]).toBeGreaterThan(5.5);
		expect(black[0]![1]).toBeLessThan(6.6);
		expect(existsSync(join(dir, rawPrefix(recording.id)))).toBe(false);
	}, 180_000);

	it('fails at once when no part has media, and tells the team why (the raw parts are kept)', async () => {
		const { s, deps, recording } = await record(5, async (raw) => {
			await writeWeriftPart(join(raw, 'a-001-camera.webm'), 'video', 1, { killed: true, frames: 0 });
			await writeFile(join(raw, 'a-002-microphone.webm'), '');
			await writeWeriftPart(join(raw, 'a-003-microphone.webm'), 'audio', 2, { killed: true });
			await truncateTo(join(raw, 'a-003-microphone.webm'), 40); // torn inside the EBML header
			const parts = [
				entry('a-001-camera.webm', 'video', 0),
				entry('a-002-microphone.webm', 'audio', 0),
				entry('a-003-microphone.webm', 'audio', 100),
				entry('gone.webm', 'video', 200)
			];
			await writeFile(join(raw, TRACKS_MANIFEST), parts.map(line).join('\n') + '\n');
		});

		await runner(deps).runDue();
		const failed = await row(recording.id);
		expect(failed.status).toBe('failed');
		// Not retried: another attempt would read the same files.
		expect(await job(recording.id)).toMatchObject({ state: 'done', attempts: 1 });
		expect(failed.last_error).toMatch(/^no_media: /);
		for (const part of [
			'a-001-camera.webm: unreadable',
			'a-002-microphone.webm: empty',
			'a-003-microphone.webm: unreadable',
			'gone.webm: missing'
		])
			expect(failed.last_error).toContain(part);
		expect(existsSync(join(dir, rawPrefix(recording.id), 'a-001-camera.webm'))).toBe(true);

		const team = await readReplay(db, actorOf(s.presenter), s.event.id);
		expect(team.recordings[0]!.failure).toMatchObject({
			reason: 'no_media',
			detail: expect.stringContaining('gone.webm: missing')
		});
		// A registrant sees no failed recording (and so no reason): nothing to watch is a 404.
		expect(await refusal(readReplay(db, actorOf(s.current), s.event.id))).toBeInstanceOf(NotFoundError);
	}, 120_000);
});

describe('a resume racing the stop', () => {
	it('starts no sink for a recording stopped while the resume was on its way', async () => {
		const taps = new Map<string, number>();
		const room = (id: string) =>
			({
				id,
				tapIngest: () => (taps.set(id, (taps.get(id) ?? 0) + 1), () => taps.set(id, (taps.get(id) ?? 0) - 1))
			}) as unknown as MediaRoom;
		const media = { room } as unknown as MediaBackend;
		const recorders = new ActiveRecordings({ warn: () => {} });
		const s = await liveSession(db);
		const recording = await startRecording(db, testDeps(dir), actorOf(s.presenter), s.event.id);
		// The resume has read the row (still recording) and waits for its folder when the stop comes.
		let release!: () => void;
		const gate = new Promise<void>((resolve) => (release = resolve));
		const base = testDeps(dir);
		const store = { ...base.store, workDir: async (prefix: string) => (await gate, base.store.workDir(prefix)) };
		const resuming = resumeRecordings(db, { ...base, store, media, recorders }, s.event.id);
		await new Promise((resolve) => setTimeout(resolve, 100));
		await stopRecording(db, { ...base, media, recorders }, actorOf(s.presenter), s.event.id);
		release();
		await resuming;
		expect(recorders.holds(recording.id)).toBe(false);
		expect(taps.get(s.event.id) ?? 0).toBe(0);
		expect((await row(recording.id)).status).toBe('processing');
		expect((await job(recording.id)).state).toBe('queued');
	});
});
