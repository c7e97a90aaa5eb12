// The moderator's session-wide actions: start, end, remove a participant, promote and demote a
// speaker. Each is written to the audit log in the transaction of its change.
import type { Kysely } from 'kysely';
import type { DB } from '../../db';
import { recordAudit } from '../../audit/repository';
import { LiveInvalidStateError } from './errors';
import type { AuditContext } from './chat';
import * as liveRepository from './repository';

export async function startSession(
	db: Kysely<DB>,
	actorId: string,
	eventId: string,
	context: AuditContext,
	now = new Date()
) {
	return db.transaction().execute(async (trx) => {
		const event = await liveRepository.markLive(trx, eventId, now);
		if (!event) throw new LiveInvalidStateError('invalid_transition');
		await recordAudit(trx, {
			actorId,
			action: 'ir.session_started',
			entityType: 'ir_event',
			entityId: eventId,
			ip: context.ip
		});
		return event;
	});
}

export async function endSession(
	db: Kysely<DB>,
	actorId: string,
	eventId: string,
	context: AuditContext,
	now = new Date()
) {
	return db.transaction().execute(async (trx) => {
		const event = await liveRepository.markEnded(trx, eventId, now);
		if (!event) throw new LiveInvalidStateError('invalid_transition');
		await liveRepository.endOpenAttendance(trx, eventId);
		await recordAudit(trx, {
			actorId,
			action: 'ir.session_ended',
			entityType: 'ir_event',
			entityId: eventId,
			data: { peakViewers: event.peak_viewers },
			ip: context.ip
		});
		return event;
	});
}

/** Records the removal (the person cannot rejoin); the caller has checked they are not staff. */
export async function removeFromSession(
	db: Kysely<DB>,
	actorId: string,
	eventId: string,
	userId: string,
	context: AuditContext
): Promise<void> {
	await db.transaction().execute(async (trx) => {
		await liveRepository.insertRemoval(trx, eventId, userId, actorId);
		await recordAudit(trx, {
			actorId,
			action: 'ir.participant_removed',
			entityType: 'ir_event',
			entityId: eventId,
			data: { userId },
			ip: context.ip
		});
	});
}

export async function recordSpeakerChange(
	db: Kysely<DB>,
	actorId: string,
	eventId: string,
	userId: string,
	promoted: boolean,
	context: AuditContext
): Promise<void> {
	const action = promoted ? 'ir.speaker_promoted' : 'ir.speaker_demoted';
	await recordAudit(db, {
		actorId,
		action,
		entityType: 'ir_event',
		entityId: eventId,
		data: { userId },
		ip: context.ip
	});
}
