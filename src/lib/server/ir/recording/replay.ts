// Who may watch a session's recordings, and what they see: those who may read the deck (registered
// with the current NDA, presenters, the moderator, operators) see published, processed recordings;
// the startup's team also sees the ones in progress, failed or unpublished. Everybody else: 404.
import type { Executor } from '../../db';
import type { IrRecordingRow } from '../../db/ir-recording-types';
import { NotFoundError } from '../../errors';
import type { Actor } from '../../orgs/access';
import { eventRole, type EventRole } from '../access';
import { chaptersFrom, type Chapter } from './chapters';
import { failureOf, type RecordingFailure } from './failure';
import * as recordingRepository from './repository';

export type ReplayRecording = {
	id: string;
	status: IrRecordingRow['status'];
	published: boolean;
	startedAt: string;
	stoppedAt: string | null;
	durationMs: number | null;
	sizeBytes: number | null;
	mimeType: string | null;
	progress: number;
	chapters: Chapter[];
	/** Why processing failed (only failed recordings, which only the team sees). */
	failure: { reason: RecordingFailure; detail: string } | null;
};

const watchable = (row: IrRecordingRow) => row.status === 'ready' && row.published;

async function roleFor(db: Executor, actor: Actor, eventId: string) {
	const event = await recordingRepository.findEvent(db, eventId);
	if (!event) throw new NotFoundError();
	const role = await eventRole(db, actor, event);
	if (!role.deck && !role.team) throw new NotFoundError();
	return { event, role };
}

function toReplay(row: IrRecordingRow, answered: { id: string; body: string; updated_at: Date }[]): ReplayRecording {
	const durationMs = row.duration_ms ?? (row.stopped_at ? row.stopped_at.getTime() - row.started_at.getTime() : null);
	return {
		id: row.id,
		status: row.status,
		published: row.published,
		startedAt: row.started_at.toISOString(),
		stoppedAt: row.stopped_at?.toISOString() ?? null,
		durationMs,
		sizeBytes: row.size_bytes === null ? null : Number(row.size_bytes),
		mimeType: row.mime_type,
		progress: row.progress,
		chapters: durationMs
			? chaptersFrom(
					answered.map((q) => ({ id: q.id, body: q.body, answeredAt: q.updated_at })),
					row.started_at,
					durationMs
				)
			: [],
		failure: failureOf(row)
	};
}

/** The replay page and API: the recordings this actor may see (404 when none and not on the team). */
export async function readReplay(
	db: Executor,
	actor: Actor,
	eventId: string
): Promise<{
	event: { id: string; title_ko: string; title_en: string };
	role: EventRole;
	recordings: ReplayRecording[];
}> {
	const { event, role } = await roleFor(db, actor, eventId);
	const rows = (await recordingRepository.listRecordings(db, eventId)).filter(
		(row) => role.team || (role.deck && watchable(row))
	);
	if (rows.length === 0 && !role.team) throw new NotFoundError();
	const answered = await recordingRepository.listAnsweredQuestions(db, eventId);
	return { event, role, recordings: rows.map((row) => toReplay(row, answered)) };
}

/** The recording whose bytes (or chapters) the actor may fetch; 404 for anything else. */
export async function requireWatchable(db: Executor, actor: Actor, eventId: string, recordingId: string) {
	const { role } = await roleFor(db, actor, eventId);
	const row = await recordingRepository.findRecording(db, recordingId);
	if (!row || row.event_id !== eventId || row.status !== 'ready' || !row.storage_key) throw new NotFoundError();
	if (!row.published && !role.team) throw new NotFoundError();
	if (!role.deck && !role.team) throw new NotFoundError();
	return {
		row: { ...row, storage_key: row.storage_key },
		chapters: toReplay(row, await recordingRepository.listAnsweredQuestions(db, eventId)).chapters
	};
}

/** A replay view starts (counted) and later reports how far it got; only its viewer may report. */
export async function startReplayView(
	db: Executor,
	actor: Actor,
	eventId: string,
	recordingId: string
): Promise<string> {
	await requireWatchable(db, actor, eventId, recordingId);
	return (await recordingRepository.insertReplayView(db, { recordingId, eventId, userId: actor.id })).id;
}

export async function reportReplayWatch(
	db: Executor,
	actor: Actor,
	viewId: string,
	watchedSeconds: number
): Promise<void> {
	const result = await recordingRepository.updateReplayView(db, viewId, actor.id, watchedSeconds);
	if (Number(result.numUpdatedRows) === 0) throw new NotFoundError();
}

/** Whether the session page links to the replay: a watchable recording for deck readers, any for the team. */
export async function hasReplayFor(
	db: Executor,
	role: Pick<EventRole, 'deck' | 'team'>,
	eventId: string
): Promise<boolean> {
	if (!role.deck && !role.team) return false;
	const rows = await recordingRepository.listRecordings(db, eventId);
	return rows.some((row) => role.team || watchable(row));
}
