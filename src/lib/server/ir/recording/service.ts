// Starting and stopping recording in a live room: presenters, the moderator and operators only,
// one running recording per session (a unique index), audited in the same transaction. Stopping
// queues the processing job; a recording left running by an ended session or a crash is stopped
// by the sweep job.
import type { Kysely } from 'kysely';
import type { DB, Executor } from '../../db';
import { hasSqlState, SQLSTATE } from '../../db/errors';
import { NotFoundError } from '../../errors';
import { enqueueJob } from '../../jobs/repository';
import { recordAudit } from '../../audit/repository';
import type { Actor } from '../../orgs/access';
import { eventRole } from '../access';
import { rawPrefix, type RecordingDeps } from './deps';
import {
	AlreadyRecordingError,
	NoMediaRoomError,
	NotRecordingError,
	RecordingForbiddenError,
	RecordingNotLiveError
} from './errors';
import * as recordingRepository from './repository';

export const PROCESS_JOB = 'ir.recording_process';
export const processJobKey = (recordingId: string) => `${PROCESS_JOB}:${recordingId}`;

type Context = { ip?: string | null; now?: Date };

/** Presenters, the moderator and operators control recording; others in the room get 403, strangers 404. */
async function requireController(db: Executor, actor: Actor, eventId: string, lock: boolean) {
	const event = lock
		? await recordingRepository.lockEvent(db, eventId)
		: await recordingRepository.findEvent(db, eventId);
	if (!event) throw new NotFoundError();
	const role = await eventRole(db, actor, event);
	if (role.presenter || role.moderator || role.operator) return event;
	if (role.team || role.registered) throw new RecordingForbiddenError();
	throw new NotFoundError();
}

export async function startRecording(
	db: Kysely<DB>,
	deps: RecordingDeps,
	actor: Actor,
	eventId: string,
	context: Context = {}
) {
	const now = context.now ?? new Date();
	const room = deps.media?.room(eventId);
	if (deps.media && !room?.tapIngest && !room?.recordItself) throw new NoMediaRoomError();
	const recording = await db
		.transaction()
		.execute(async (tx) => {
			const event = await requireController(tx, actor, eventId, true);
			if (event.status !== 'live') throw new RecordingNotLiveError();
			if (await recordingRepository.findRunningRecording(tx, eventId)) throw new AlreadyRecordingError();
			const row = await recordingRepository.insertRecording(tx, eventId, actor.id, now);
			await recordAudit(tx, {
				actorId: actor.id,
				action: 'ir_recording.start',
				entityType: 'ir_event',
				entityId: eventId,
				data: { recordingId: row.id },
				ip: context.ip
			});
			// Inside the transaction: if the recorder cannot start, no row claims that it runs.
			if (room && deps.recorders) deps.recorders.start(room, row.id, await deps.store.workDir(rawPrefix(row.id)));
			return row;
		})
		.catch((error) => {
			if (hasSqlState(error, SQLSTATE.uniqueViolation, 'ir_recordings_running_key')) throw new AlreadyRecordingError();
			throw error;
		});
	deps.announce?.(eventId, { recording: true, startedAt: recording.started_at.toISOString() });
	return recording;
}

export async function stopRecording(
	db: Kysely<DB>,
	deps: RecordingDeps,
	actor: Actor,
	eventId: string,
	context: Context = {}
) {
	await requireController(db, actor, eventId, false);
	const running = await recordingRepository.findRunningRecording(db, eventId);
	if (!running) throw new NotRecordingError();
	const stopped = await finishRecording(db, deps, running.id, context.now ?? new Date(), {
		actorId: actor.id,
		ip: context.ip
	});
	if (!stopped) throw new NotRecordingError();
	deps.announce?.(eventId, { recording: false, startedAt: null });
	return stopped;
}

/** Closes the files, then (one transaction) marks the row stopped, queues processing and audits. */
async function finishRecording(
	db: Kysely<DB>,
	deps: RecordingDeps,
	recordingId: string,
	stoppedAt: Date,
	audit: { actorId: string | null; ip?: string | null }
) {
	await deps.recorders?.stop(recordingId);
	return db.transaction().execute(async (tx) => {
		const row = await recordingRepository.markStopped(tx, recordingId, stoppedAt);
		if (!row) return undefined;
		await enqueueJob(tx, {
			name: PROCESS_JOB,
			key: processJobKey(row.id),
			payload: { recordingId: row.id },
			maxAttempts: 3
		});
		await recordAudit(tx, {
			actorId: audit.actorId,
			action: 'ir_recording.stop',
			entityType: 'ir_event',
			entityId: row.event_id,
			data: { recordingId: row.id },
			ip: audit.ip
		});
		return row;
	});
}

/** The sweep: recordings still running after their session ended (or was cancelled) stop at its end. */
export async function stopOrphanedRecordings(db: Kysely<DB>, deps: RecordingDeps, now: Date): Promise<number> {
	let stopped = 0;
	for (const orphan of await recordingRepository.listOrphanedRecordings(db)) {
		const at = orphan.ended_at && orphan.ended_at < now ? orphan.ended_at : now;
		if (await finishRecording(db, deps, orphan.id, at, { actorId: null })) stopped++;
		deps.announce?.(orphan.event_id, { recording: false, startedAt: null });
	}
	return stopped;
}

/**
 * After a restart the rows still say "recording" but no sink writes: re-attach one (the files
 * continue at their offsets; the gap stays black and silent). On a cluster only for the rooms this
 * node hosts (it holds their lease): a room that moves here resumes its recording the same way
 * (`eventId` then names it).
 */
export async function resumeRecordings(db: Kysely<DB>, deps: RecordingDeps, eventId?: string): Promise<number> {
	if (!deps.media || !deps.recorders) return 0;
	let resumed = 0;
	for (const running of await recordingRepository.listRunningInLiveSessions(db, eventId)) {
		if (deps.recorders.holds(running.id) || (deps.hosts && !deps.hosts(running.event_id))) continue;
		const room = deps.media.room(running.event_id);
		if (!room.tapIngest && !room.recordItself) continue;
		deps.recorders.startHere(room, running.id, await deps.store.workDir(rawPrefix(running.id)), running.started_at);
		resumed++;
	}
	return resumed;
}

/** What the live page shows from its first paint. */
export async function currentRecordingState(db: Executor, eventId: string) {
	const running = await recordingRepository.findRunningRecording(db, eventId);
	return { recording: running !== undefined, startedAt: running?.started_at.toISOString() ?? null };
}
