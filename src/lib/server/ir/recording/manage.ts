// The startup team's hands on a recording: publish/unpublish and delete (audited; deleting removes
// the files before the row's deletion commits), and the retention job that deletes old ones.
import type { Kysely } from 'kysely';
import type { DB } from '../../db';
import { NotFoundError } from '../../errors';
import { recordAudit } from '../../audit/repository';
import type { Actor } from '../../orgs/access';
import { eventRole } from '../access';
import type { RecordingDeps } from './deps';
import { AlreadyRecordingError, RecordingNotReadyError } from './errors';
import * as recordingRepository from './repository';

type Context = { ip?: string | null };

/** The recording, when the actor is on the session's team (startup admins, presenters, moderator, operators); else 404. */
async function requireTeamRecording(db: Kysely<DB>, actor: Actor, eventId: string, recordingId: string) {
	const event = await recordingRepository.findEvent(db, eventId);
	const recording = await recordingRepository.findRecording(db, recordingId);
	if (!event || !recording || recording.event_id !== event.id) throw new NotFoundError();
	if (!(await eventRole(db, actor, event)).team) throw new NotFoundError();
	return recording;
}

export async function setRecordingPublished(
	db: Kysely<DB>,
	actor: Actor,
	eventId: string,
	recordingId: string,
	published: boolean,
	context: Context = {}
) {
	const recording = await requireTeamRecording(db, actor, eventId, recordingId);
	if (published && recording.status !== 'ready') throw new RecordingNotReadyError();
	await db.transaction().execute(async (tx) => {
		await recordingRepository.setPublished(tx, recordingId, published);
		await recordAudit(tx, {
			actorId: actor.id,
			action: published ? 'ir_recording.publish' : 'ir_recording.unpublish',
			entityType: 'ir_event',
			entityId: eventId,
			data: { recordingId },
			ip: context.ip
		});
	});
}

export async function deleteRecording(
	db: Kysely<DB>,
	deps: RecordingDeps,
	actor: Actor,
	eventId: string,
	recordingId: string,
	context: Context = {}
) {
	const recording = await requireTeamRecording(db, actor, eventId, recordingId);
	if (recording.status === 'recording') throw new AlreadyRecordingError();
	await removeRecording(db, deps, recordingId, { actorId: actor.id, ip: context.ip, reason: 'deleted' });
}

/** Row, audit and bytes go together: the files are removed inside the transaction, so a failure keeps the row. */
async function removeRecording(
	db: Kysely<DB>,
	deps: RecordingDeps,
	recordingId: string,
	audit: { actorId: string | null; ip?: string | null; reason: 'deleted' | 'retention' }
) {
	await db.transaction().execute(async (tx) => {
		const row = await recordingRepository.lockRecording(tx, recordingId);
		if (!row) return;
		await recordingRepository.deleteRecordingRow(tx, recordingId);
		await recordAudit(tx, {
			actorId: audit.actorId,
			action: 'ir_recording.delete',
			entityType: 'ir_event',
			entityId: row.event_id,
			data: {
				recordingId,
				reason: audit.reason,
				storageKey: row.storage_key,
				sizeBytes: row.size_bytes === null ? null : Number(row.size_bytes)
			},
			ip: audit.ip
		});
		await deps.store.removePrefix(recordingId);
	});
}

/** Deletes recordings stopped more than `deps.retentionDays` ago; returns how many. */
export async function deleteExpiredRecordings(db: Kysely<DB>, deps: RecordingDeps, now: Date): Promise<number> {
	const before = new Date(now.getTime() - deps.retentionDays * 86_400_000);
	const expired = await recordingRepository.listExpiredRecordings(db, before);
	for (const row of expired) await removeRecording(db, deps, row.id, { actorId: null, reason: 'retention' });
	return expired.length;
}
