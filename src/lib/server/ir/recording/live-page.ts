// The live room's recording bits: what its page shows at first paint (the indicator, the controls,
// the lobby's notice and whether this registrant acknowledged it) and its three form actions.
import type { Kysely } from 'kysely';
import type { DB, Executor } from '../../db';
import type { IrLiveRole } from '../../db/ir-live-types';
import { NotFoundError } from '../../errors';
import type { Actor } from '../../orgs/access';
import { recordAudit } from '../../audit/repository';
import * as recordingRepository from './repository';
import { currentRecordingState } from './service';

export async function liveRecordingView(db: Executor, actor: Actor, eventId: string, role: IrLiveRole) {
	const [state, registration] = await Promise.all([
		currentRecordingState(db, eventId),
		recordingRepository.findRecordingAck(db, eventId, actor.id)
	]);
	return {
		...state,
		canRecord: role === 'moderator' || role === 'presenter',
		/** null: not a registrant (staff), so nothing to acknowledge. */
		acknowledged: registration && !registration.cancelled_at ? registration.recording_ack_at !== null : null
	};
}

/** A registrant acknowledges, in the lobby, that the session may be recorded; kept with the registration. */
export async function acknowledgeRecording(
	db: Kysely<DB>,
	actor: Actor,
	eventId: string,
	context: { ip?: string | null } = {}
) {
	const registration = await recordingRepository.findRecordingAck(db, eventId, actor.id);
	if (!registration || registration.cancelled_at) throw new NotFoundError();
	if (registration.recording_ack_at) return;
	await db.transaction().execute(async (tx) => {
		await recordingRepository.acknowledgeRecording(tx, eventId, actor.id, new Date());
		await recordAudit(tx, {
			actorId: actor.id,
			action: 'ir_registration.recording_ack',
			entityType: 'ir_event',
			entityId: eventId,
			ip: context.ip
		});
	});
}
