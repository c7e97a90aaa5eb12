// IR recordings against real PostgreSQL and ffmpeg: the start/stop state machine with its refusals,
// processing on the job runner (also after a worker died mid-run), deletion and retention removing
// the bytes, who may watch (404 for everybody else), and Range requests on the file.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import type { DB } from '$lib/server/db';
import type { Database } from '$lib/server/db/connect';
import { NotFoundError } from '$lib/server/errors';
import { claimDueJobs } from '$lib/server/jobs/repository';
import { createJobRunner } from '$lib/server/jobs/runner';
import { rawPrefix } from '$lib/server/ir/recording/deps';
import {
	AlreadyRecordingError,
	NotRecordingError,
	RecordingForbiddenError,
	RecordingNotLiveError
} from '$lib/server/ir/recording/errors';
import { recordingJobs } from '$lib/server/ir/recording/jobs';
import { deleteExpiredRecordings, deleteRecording, setRecordingPublished } from '$lib/server/ir/recording/manage';
import { mediaResponse } from '$lib/server/ir/recording/media-response';
import { readReplay, requireWatchable, startReplayView, reportReplayWatch } from '$lib/server/ir/recording/replay';
import { replayTotals } from '$lib/server/ir/recording/repository';
import {
	PROCESS_JOB,
	resumeRecordings,
	startRecording,
	stopOrphanedRecordings,
	stopRecording
} from '$lib/server/ir/recording/service';
import { createMediaBackend } from '$lib/server/media/werift-backend';
import { ActiveRecordings } from '$lib/server/media/recording/active';
import { createTestDatabase } from './support/database';
import { actorOf, refusal } from './ir-support';
import { liveSession, probeDuration, recordingsDir, testDeps, writeRawTracks } from './ir-recording-support';

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

/** Records `seconds` of a live session (raw tracks written as the sink would) and stops. */
async function recordAndStop(seconds: number) {
	const deps = testDeps(dir);
	const s = await liveSession(db);
	const t0 = new Date(Date.now() - 60 * SECOND);
	const recording = await startRecording(db, deps, actorOf(s.presenter), s.event.id, { now: t0 });
	await writeRawTracks(await deps.store.workDir(rawPrefix(recording.id)), seconds);
	await stopRecording(db, deps, actorOf(s.operator), s.event.id, { now: new Date(t0.getTime() + seconds * SECOND) });
	return { s, deps, recording };
}

function runner(deps: ReturnType<typeof testDeps>, workerId: string) {
	return createJobRunner({ db, origin: 'http://127.0.0.1', workerId, handlers: recordingJobs(deps).handlers });
}

const row = (id: string) => db.selectFrom('ir_recordings').selectAll().where('id', '=', id).executeTakeFirst();

describe('recording state machine', () => {
	it('starts and stops twice, refusing a second start, a stop when idle, and people who may not control it', async () => {
		const announced: Array<{ eventId: string; recording: boolean }> = [];
		const deps = testDeps(dir, announced);
		const s = await liveSession(db);
		expect(await refusal(startRecording(db, deps, actorOf(s.current), s.event.id))).toBeInstanceOf(
			RecordingForbiddenError
		);
		expect(await refusal(startRecording(db, deps, actorOf(s.stranger), s.event.id))).toBeInstanceOf(NotFoundError);
		expect(await refusal(stopRecording(db, deps, actorOf(s.presenter), s.event.id))).toBeInstanceOf(NotRecordingError);

		const first = await startRecording(db, deps, actorOf(s.presenter), s.event.id);
		expect(first.status).toBe('recording');
		expect(await refusal(startRecording(db, deps, actorOf(s.operator), s.event.id))).toBeInstanceOf(
			AlreadyRecordingError
		);
		expect((await stopRecording(db, deps, actorOf(s.operator), s.event.id)).status).toBe('processing');
		expect(await refusal(stopRecording(db, deps, actorOf(s.operator), s.event.id))).toBeInstanceOf(NotRecordingError);

		const second = await startRecording(db, deps, actorOf(s.operator), s.event.id);
		await stopRecording(db, deps, actorOf(s.presenter), s.event.id);
		const rows = await db
			.selectFrom('ir_recordings')
			.select(['id', 'status'])
			.where('event_id', '=', s.event.id)
			.orderBy('started_at')
			.execute();
		expect(rows).toEqual([
			{ id: first.id, status: 'processing' },
			{ id: second.id, status: 'processing' }
		]);
		const jobs = await db
			.selectFrom('jobs')
			.select('key')
			.where('name', '=', PROCESS_JOB)
			.where('key', 'in', [`${PROCESS_JOB}:${first.id}`, `${PROCESS_JOB}:${second.id}`])
			.execute();
		expect(jobs).toHaveLength(2);
		const audit = await db
			.selectFrom('audit_log')
			.select('action')
			.where('entity_id', '=', s.event.id)
			.where('action', 'like', 'ir_recording.%')
			.execute();
		expect(audit.map((a) => a.action).sort()).toEqual([
			'ir_recording.start',
			'ir_recording.start',
			'ir_recording.stop',
			'ir_recording.stop'
		]);
		expect(announced.map((a) => a.recording)).toEqual([true, false, true, false]);
	});

	it('records only a live session, and the sweep stops a recording whose session ended', async () => {
		const deps = testDeps(dir);
		const s = await liveSession(db);
		await db.updateTable('ir_events').set({ status: 'scheduled' }).where('id', '=', s.event.id).execute();
		expect(await refusal(startRecording(db, deps, actorOf(s.presenter), s.event.id))).toBeInstanceOf(
			RecordingNotLiveError
		);
		await db.updateTable('ir_events').set({ status: 'live' }).where('id', '=', s.event.id).execute();
		const recording = await startRecording(db, deps, actorOf(s.presenter), s.event.id);
		const endedAt = new Date(Date.now() + 5 * SECOND);
		await db
			.updateTable('ir_events')
			.set({ status: 'ended', ended_at: endedAt })
			.where('id', '=', s.event.id)
			.execute();
		expect(await stopOrphanedRecordings(db, deps, new Date(Date.now() + 60 * SECOND))).toBeGreaterThanOrEqual(1);
		const stopped = await row(recording.id);
		expect(stopped?.status).toBe('processing');
		expect(stopped?.stopped_at?.getTime()).toBe(endedAt.getTime());
	});
});

describe('restart while recording', () => {
	it('re-attaches a sink to a recording this node lost, once, and stopping finishes it', async () => {
		const logger = { warn: () => {}, debug: () => {} };
		const media = createMediaBackend(
			{ MEDIA_LISTEN_IP: '127.0.0.1', MEDIA_PORT_MIN: 44300, MEDIA_PORT_MAX: 44399, MEDIA_ICE_SERVERS: [] },
			logger
		);
		try {
			const s = await liveSession(db);
			// Started before the "restart": the row says recording, but no sink of this node holds it.
			const recording = await startRecording(db, testDeps(dir), actorOf(s.presenter), s.event.id);
			const recorders = new ActiveRecordings(logger);
			const deps = { ...testDeps(dir), media, recorders };
			expect(await resumeRecordings(db, deps)).toBeGreaterThanOrEqual(1);
			expect(recorders.holds(recording.id)).toBe(true);
			const again = await resumeRecordings(db, deps);
			expect(recorders.holds(recording.id)).toBe(true);
			await stopRecording(db, deps, actorOf(s.presenter), s.event.id);
			expect(recorders.holds(recording.id)).toBe(false);
			expect(again).toBe(0);
		} finally {
			await media.close();
		}
	});
});

describe('processing', () => {
	it('turns the raw tracks into one file of the recording’s length, with progress 100 and the raw tracks gone', async () => {
		const { deps, recording } = await recordAndStop(4);
		const result = await runner(deps, 'w1').runDue();
		expect(result.failed).toEqual([]);
		const done = await row(recording.id);
		expect(done).toMatchObject({ status: 'ready', progress: 100, duration_ms: 4000, published: true });
		const file = join(dir, done!.storage_key!);
		expect(Number(done!.size_bytes)).toBeGreaterThan(1000);
		expect(probeDuration(file)).toBeGreaterThan(3.5);
		expect(probeDuration(file)).toBeLessThan(4.6);
		expect(existsSync(join(dir, rawPrefix(recording.id)))).toBe(false);
	}, 120_000);

	it('resumes after the worker processing it died (its lease runs out and another worker takes over)', async () => {
		const { deps, recording } = await recordAndStop(2);
		// A worker claims the job and dies before finishing: the row stays "processing".
		const claimed = await claimDueJobs(db, 'dead-worker', [PROCESS_JOB], 10, new Date(), 60_000);
		expect(claimed.map((j) => j.key)).toContain(`${PROCESS_JOB}:${recording.id}`);
		expect((await runner(deps, 'w2').runDue()).done).toEqual([]);
		expect((await row(recording.id))?.status).toBe('processing');
		const later = new Date(Date.now() + 2 * 60_000);
		const result = await runner(deps, 'w2').runDue(later);
		expect(result.failed).toEqual([]);
		expect((await row(recording.id))?.status).toBe('ready');
	}, 120_000);
});

describe('deletion and retention', () => {
	it('deletes the row and the bytes, audited; only the team may, others get 404', async () => {
		const { s, deps, recording } = await recordAndStop(2);
		await runner(deps, 'w3').runDue();
		const file = join(dir, (await row(recording.id))!.storage_key!);
		expect(existsSync(file)).toBe(true);
		expect(await refusal(deleteRecording(db, deps, actorOf(s.current), s.event.id, recording.id))).toBeInstanceOf(
			NotFoundError
		);
		await deleteRecording(db, deps, actorOf(s.startup.admin), s.event.id, recording.id);
		expect(await row(recording.id)).toBeUndefined();
		expect(existsSync(file)).toBe(false);
		expect(existsSync(join(dir, recording.id))).toBe(false);
		const audit = await db
			.selectFrom('audit_log')
			.select(['action', 'actor_id'])
			.where('entity_id', '=', s.event.id)
			.where('action', '=', 'ir_recording.delete')
			.execute();
		expect(audit).toEqual([{ action: 'ir_recording.delete', actor_id: s.startup.admin.id }]);
	}, 120_000);

	it('retention deletes recordings older than the period, not newer ones', async () => {
		const { deps, recording } = await recordAndStop(2);
		await runner(deps, 'w4').runDue();
		const file = join(dir, (await row(recording.id))!.storage_key!);
		await deleteExpiredRecordings(db, deps, new Date(Date.now() + 179 * 86_400_000));
		expect(await row(recording.id)).toBeDefined();
		await deleteExpiredRecordings(db, deps, new Date(Date.now() + 181 * 86_400_000));
		expect(await row(recording.id)).toBeUndefined();
		expect(existsSync(file)).toBe(false);
	}, 120_000);
});

describe('who may watch, and Range', () => {
	it('serves registrants on the current NDA and the team; unregistered, old NDA and strangers get 404; unpublished only the team', async () => {
		const { s, deps, recording } = await recordAndStop(2);
		await runner(deps, 'w5').runDue();
		for (const who of [s.current, s.presenter, s.operator])
			expect((await requireWatchable(db, actorOf(who), s.event.id, recording.id)).row.id).toBe(recording.id);
		for (const who of [s.unregistered, s.outdated, s.stranger]) {
			expect(await refusal(requireWatchable(db, actorOf(who), s.event.id, recording.id))).toBeInstanceOf(NotFoundError);
			expect(await refusal(readReplay(db, actorOf(who), s.event.id))).toBeInstanceOf(NotFoundError);
		}
		// Someone else's recording id under this session: 404 too.
		const other = await recordAndStop(1);
		expect(await refusal(requireWatchable(db, actorOf(s.current), s.event.id, other.recording.id))).toBeInstanceOf(
			NotFoundError
		);

		await setRecordingPublished(db, actorOf(s.presenter), s.event.id, recording.id, false);
		expect(await refusal(requireWatchable(db, actorOf(s.current), s.event.id, recording.id))).toBeInstanceOf(
			NotFoundError
		);
		expect((await readReplay(db, actorOf(s.presenter), s.event.id)).recordings.map((r) => r.published)).toEqual([
			false
		]);
		await setRecordingPublished(db, actorOf(s.presenter), s.event.id, recording.id, true);

		const viewId = await startReplayView(db, actorOf(s.current), s.event.id, recording.id);
		await reportReplayWatch(db, actorOf(s.current), viewId, 2);
		await reportReplayWatch(db, actorOf(s.current), viewId, 1);
		expect(await refusal(reportReplayWatch(db, actorOf(s.stranger), viewId, 99))).toBeInstanceOf(NotFoundError);
		expect(await replayTotals(db, s.event.id)).toEqual({ views: 1, viewers: 1, watched_seconds: 2 });
	}, 120_000);

	it('answers Range with 206 and the right Content-Range, 416 past the end, 200 without Range', async () => {
		const { s, deps, recording } = await recordAndStop(2);
		await runner(deps, 'w6').runDue();
		const { row: ready } = await requireWatchable(db, actorOf(s.current), s.event.id, recording.id);
		const size = Number(ready.size_bytes);
		const full = await mediaResponse(deps.store, ready.storage_key, ready.mime_type!, null);
		expect(full.status).toBe(200);
		expect(full.headers.get('accept-ranges')).toBe('bytes');
		expect((await full.arrayBuffer()).byteLength).toBe(size);
		const part = await mediaResponse(deps.store, ready.storage_key, ready.mime_type!, 'bytes=100-199');
		expect(part.status).toBe(206);
		expect(part.headers.get('content-range')).toBe(`bytes 100-199/${size}`);
		expect((await part.arrayBuffer()).byteLength).toBe(100);
		const tail = await mediaResponse(deps.store, ready.storage_key, ready.mime_type!, `bytes=${size - 10}-`);
		expect(tail.headers.get('content-range')).toBe(`bytes ${size - 10}-${size - 1}/${size}`);
		const beyond = await mediaResponse(deps.store, ready.storage_key, ready.mime_type!, `bytes=${size}-`);
		expect(beyond.status).toBe(416);
		expect(beyond.headers.get('content-range')).toBe(`bytes */${size}`);
	}, 120_000);
});
