// Queries of IR recordings, their replay views and the registrants' recording acknowledgement.
import { sql } from 'kysely';
import type { Executor } from '../../db';
import type { IrRecordingRow } from '../../db/ir-recording-types';

export function findRecording(db: Executor, id: string) {
	return db.selectFrom('ir_recordings').selectAll().where('id', '=', id).executeTakeFirst();
}

export function lockRecording(db: Executor, id: string) {
	return db.selectFrom('ir_recordings').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export function findRunningRecording(db: Executor, eventId: string) {
	return db
		.selectFrom('ir_recordings')
		.selectAll()
		.where('event_id', '=', eventId)
		.where('status', '=', 'recording')
		.executeTakeFirst();
}

/** A session's recordings, oldest first. */
export function listRecordings(db: Executor, eventId: string): Promise<IrRecordingRow[]> {
	return db
		.selectFrom('ir_recordings')
		.selectAll()
		.where('event_id', '=', eventId)
		.orderBy('started_at')
		.orderBy('id')
		.execute();
}

export function insertRecording(db: Executor, eventId: string, startedBy: string, now: Date) {
	return db
		.insertInto('ir_recordings')
		.values({ event_id: eventId, started_by: startedBy, started_at: now, updated_at: now })
		.returningAll()
		.executeTakeFirstOrThrow();
}

/** recording → processing; undefined when it was not recording (someone stopped it first). */
export function markStopped(db: Executor, id: string, stoppedAt: Date) {
	return db
		.updateTable('ir_recordings')
		.set({ status: 'processing', stopped_at: stoppedAt, progress: 0, updated_at: stoppedAt })
		.where('id', '=', id)
		.where('status', '=', 'recording')
		.returningAll()
		.executeTakeFirst();
}

export function setProgress(db: Executor, id: string, progress: number) {
	return db
		.updateTable('ir_recordings')
		.set({ progress, updated_at: new Date() })
		.where('id', '=', id)
		.where('status', '=', 'processing')
		.execute();
}

export function markReady(
	db: Executor,
	id: string,
	file: { storageKey: string; mimeType: string; sizeBytes: number; durationMs: number },
	now: Date
) {
	return db
		.updateTable('ir_recordings')
		.set({
			status: 'ready',
			storage_key: file.storageKey,
			mime_type: file.mimeType,
			size_bytes: file.sizeBytes,
			duration_ms: file.durationMs,
			progress: 100,
			last_error: null,
			processed_at: now,
			updated_at: now
		})
		.where('id', '=', id)
		.where('status', '=', 'processing')
		.executeTakeFirst();
}

export function markFailed(db: Executor, id: string, message: string) {
	return db
		.updateTable('ir_recordings')
		.set({ status: 'failed', last_error: message.slice(0, 2000), updated_at: new Date() })
		.where('id', '=', id)
		.where('status', '=', 'processing')
		.execute();
}

export function setPublished(db: Executor, id: string, published: boolean) {
	return db.updateTable('ir_recordings').set({ published, updated_at: new Date() }).where('id', '=', id).execute();
}

export function deleteRecordingRow(db: Executor, id: string) {
	return db.deleteFrom('ir_recordings').where('id', '=', id).execute();
}

/** Recordings older than the retention period (by when they stopped). */
export function listExpiredRecordings(db: Executor, before: Date, limit = 50) {
	return db
		.selectFrom('ir_recordings')
		.select(['id', 'event_id'])
		.where('status', '<>', 'recording')
		.where('stopped_at', '<', before)
		.orderBy('stopped_at')
		.limit(limit)
		.execute();
}

/** Still "recording" although the session is over (ended, cancelled, or a crash left the row). */
export function listOrphanedRecordings(db: Executor) {
	return db
		.selectFrom('ir_recordings as r')
		.innerJoin('ir_events as e', 'e.id', 'r.event_id')
		.select(['r.id', 'r.event_id', 'e.ended_at'])
		.where('r.status', '=', 'recording')
		.where('e.status', 'in', ['ended', 'cancelled'])
		.execute();
}

/** Recordings running in live sessions (the sweep re-attaches the ones this node lost in a restart). */
export function listRunningInLiveSessions(db: Executor, eventId?: string) {
	let query = db
		.selectFrom('ir_recordings as r')
		.innerJoin('ir_events as e', 'e.id', 'r.event_id')
		.select(['r.id', 'r.event_id', 'r.started_at'])
		.where('r.status', '=', 'recording')
		.where('e.status', '=', 'live');
	if (eventId) query = query.where('r.event_id', '=', eventId);
	return query.execute();
}

/** Answered questions of a session: the chapters. Answering is the last change of a question, so updated_at is when. */
export function listAnsweredQuestions(db: Executor, eventId: string) {
	return db
		.selectFrom('ir_questions')
		.select(['id', 'body', 'updated_at'])
		.where('event_id', '=', eventId)
		.where('status', '=', 'answered')
		.orderBy('updated_at')
		.execute();
}

/** Keeps the media job's claim alive while ffmpeg runs longer than the runner's lease. */
export function extendJobLease(db: Executor, jobId: string, workerId: string, until: Date) {
	return db
		.updateTable('jobs')
		.set({ locked_until: until })
		.where('id', '=', jobId)
		.where('locked_by', '=', workerId)
		.where('state', '=', 'running')
		.execute();
}

export function insertReplayView(db: Executor, view: { recordingId: string; eventId: string; userId: string }) {
	return db
		.insertInto('ir_replay_views')
		.values({ recording_id: view.recordingId, event_id: view.eventId, user_id: view.userId })
		.returning('id')
		.executeTakeFirstOrThrow();
}

/** Raises a view's watch time (never lowers it: a late, out-of-order ping changes nothing). */
export function updateReplayView(db: Executor, viewId: string, userId: string, watchedSeconds: number) {
	return db
		.updateTable('ir_replay_views')
		.set({ watched_seconds: sql`greatest(watched_seconds, ${watchedSeconds})`, updated_at: new Date() })
		.where('id', '=', viewId)
		.where('user_id', '=', userId)
		.executeTakeFirst();
}

export async function replayTotals(db: Executor, eventId: string) {
	const row = await db
		.selectFrom('ir_replay_views')
		.select([
			sql<number>`count(*)::int`.as('views'),
			sql<number>`count(distinct user_id)::int`.as('viewers'),
			sql<number>`coalesce(sum(watched_seconds), 0)::int`.as('watched_seconds')
		])
		.where('event_id', '=', eventId)
		.executeTakeFirstOrThrow();
	return row;
}

export function acknowledgeRecording(db: Executor, eventId: string, userId: string, now: Date) {
	return db
		.updateTable('ir_registrations')
		.set({ recording_ack_at: now })
		.where('event_id', '=', eventId)
		.where('user_id', '=', userId)
		.where('recording_ack_at', 'is', null)
		.execute();
}

export function findRecordingAck(db: Executor, eventId: string, userId: string) {
	return db
		.selectFrom('ir_registrations')
		.select(['recording_ack_at', 'cancelled_at'])
		.where('event_id', '=', eventId)
		.where('user_id', '=', userId)
		.executeTakeFirst();
}

export function findEvent(db: Executor, eventId: string) {
	return db.selectFrom('ir_events').selectAll().where('id', '=', eventId).executeTakeFirst();
}

/** The session row, locked: start and stop of one session's recording take turns. */
export function lockEvent(db: Executor, eventId: string) {
	return db.selectFrom('ir_events').selectAll().where('id', '=', eventId).forUpdate().executeTakeFirst();
}
