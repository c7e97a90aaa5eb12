// The moderator's actions on people and the session, with their effects on the live room: grants
// changed in the registry, media unpublished on demotion, sockets sent out on removal and at the end.
import { liveErrorMessage } from './error-messages';
import { LiveAccessDeniedError, LiveInvalidStateError } from './errors';
import { isStaffRole } from './grants';
import { liveRoomName, pushPresence, pushRole, pushStaffState } from './broadcast';
import { leaveRoom, type LiveDeps } from './presence';
import * as liveRepository from './repository';
import * as registry from './registry';
import { endSession, recordSpeakerChange, removeFromSession, startSession } from './session';
import type { AuditContext } from './chat';

export async function promoteSpeaker(
	deps: LiveDeps,
	actorId: string,
	eventId: string,
	userId: string,
	context: AuditContext
): Promise<void> {
	const sockets = registry.socketsOfUser(eventId, userId);
	if (!sockets.length) throw new LiveInvalidStateError('participant_gone');
	if (sockets.some((p) => p.role !== 'viewer')) throw new LiveInvalidStateError('not_a_viewer');
	await recordSpeakerChange(deps.db, actorId, eventId, userId, true, context);
	for (const p of registry.setRole(eventId, userId, 'speaker')) pushRole(deps.io, eventId, p);
	pushPresence(deps.io, eventId);
	pushStaffState(deps.io, eventId);
}

export async function demoteSpeaker(
	deps: LiveDeps,
	actorId: string,
	eventId: string,
	userId: string,
	context: AuditContext
): Promise<void> {
	const sockets = registry.socketsOfUser(eventId, userId);
	if (!sockets.length) throw new LiveInvalidStateError('participant_gone');
	if (sockets.some((p) => p.role !== 'speaker')) throw new LiveInvalidStateError('invalid_transition');
	await recordSpeakerChange(deps.db, actorId, eventId, userId, false, context);
	for (const p of registry.setRole(eventId, userId, 'viewer')) {
		// The grant goes first, so a publish racing this demotion is refused.
		await deps.media?.backend.room(eventId).unpublish(p.socketId);
		pushRole(deps.io, eventId, p);
	}
	pushPresence(deps.io, eventId);
	pushStaffState(deps.io, eventId);
}

export async function removeParticipant(
	deps: LiveDeps,
	actorId: string,
	eventId: string,
	userId: string,
	context: AuditContext
): Promise<void> {
	const event = await liveRepository.findEvent(deps.db, eventId);
	const inRoom = registry.socketsOfUser(eventId, userId);
	const staff =
		event?.moderator_id === userId ||
		inRoom.some((p) => isStaffRole(p.role)) ||
		(await liveRepository.isPresenter(deps.db, eventId, userId));
	if (staff) throw new LiveInvalidStateError('cannot_remove_staff');
	await removeFromSession(deps.db, actorId, eventId, userId, context);
	for (const p of inRoom) {
		const locale = deps.io.sockets.sockets.get(p.socketId)?.data.user.locale ?? 'ko';
		deps.io
			.to(p.socketId)
			.emit('ir:removed', { eventId, message: liveErrorMessage(new LiveAccessDeniedError('removed'), locale) });
		await leaveRoom(deps, p.socketId, eventId);
	}
}

export async function startLive(
	deps: LiveDeps,
	actorId: string,
	eventId: string,
	context: AuditContext
): Promise<void> {
	await startSession(deps.db, actorId, eventId, context);
	deps.io.to(liveRoomName(eventId)).emit('ir:status', { eventId, status: 'live' });
}

/** Ends the session: everybody sees the end screen, and the room is emptied and closed. */
export async function endLive(deps: LiveDeps, actorId: string, eventId: string, context: AuditContext): Promise<void> {
	await endSession(deps.db, actorId, eventId, context);
	deps.io.to(liveRoomName(eventId)).emit('ir:status', { eventId, status: 'ended' });
	for (const p of registry.participants(eventId)) await leaveRoom(deps, p.socketId, eventId);
}
