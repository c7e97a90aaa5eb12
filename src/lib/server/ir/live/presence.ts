// Joining and leaving a live room: access is checked, the attendance row opened or closed, the
// registry and the media plane updated, and the room told. A socket is in at most one room, because
// the media signalling it registers has no room name of its own.
import type { Kysely } from 'kysely';
import type { Server, Socket } from 'socket.io';
import type { DB } from '../../db';
import type { Logger } from '../../logger';
import type { SessionUser } from '../../auth/session';
import type { SocketData } from '../../realtime/socket-data';
import type { MediaBackend } from '../../media/backend';
import type { MediaSocket, registerMediaSignalling } from '../../media/signalling';
import type { ClientToServerEvents, ServerToClientEvents } from '$lib/realtime/events';
import type { LiveRoomSnapshot } from '$lib/realtime/ir-room-types';
import { requireLiveAccess } from './access';
import {
	liveParticipants,
	liveRoomName,
	liveStage,
	pushPresence,
	pushStaffState,
	seesStaffState,
	toLiveChat,
	toLiveHands,
	toLiveQuestion
} from './broadcast';
import * as contentRepository from './content-repository';
import * as liveRepository from './repository';
import * as registry from './registry';
import { pollsForParticipant } from './polls';
import { NotInRoomError } from './errors';

export type LiveSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
export type LiveIo = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

/** The media plane as the room uses it: the SFU and the function that wires a socket's media events. */
export type MediaHooks = { backend: MediaBackend; register: typeof registerMediaSignalling };

export type LiveDeps = { io: LiveIo; db: Kysely<DB>; media?: MediaHooks; logger?: Pick<Logger, 'error'> };

export async function joinRoom(
	deps: LiveDeps,
	socket: LiveSocket,
	user: SessionUser,
	eventId: string
): Promise<LiveRoomSnapshot> {
	const { db, io, media } = deps;
	const { event, role: baseRole } = await requireLiveAccess(db, user, eventId);
	// A speaker who reloads or reconnects keeps the floor until the moderator takes it back.
	const role = baseRole === 'viewer' && registry.isSpeaker(eventId, user.id) ? 'speaker' : baseRole;
	const attendanceId = await liveRepository.startAttendance(db, eventId, user.id, role);
	const participant = registry.addParticipant(eventId, {
		socketId: socket.id,
		userId: user.id,
		name: user.name,
		role,
		attendanceId,
		joinedAt: new Date()
	});
	await socket.join(liveRoomName(eventId));
	if (media) {
		const grantsNow = () => registry.findParticipant(eventId, socket.id)?.grants;
		// socket.io's generic emit over the whole event map does not narrow to MediaSocket's; the events match.
		participant.release = media.register(socket as unknown as MediaSocket, {
			room: media.backend.room(eventId),
			peerId: socket.id,
			canPublish: () => grantsNow()?.canPublish ?? false,
			canSubscribe: () => grantsNow()?.canSubscribe ?? false,
			onError: (error, mediaEvent) =>
				deps.logger?.error({ err: error, event: mediaEvent, eventId }, 'ir live media request failed')
		});
	}
	await liveRepository.raisePeakViewers(db, eventId, registry.viewerCount(eventId));
	pushPresence(io, eventId);
	pushStaffState(io, eventId);
	return snapshot(deps, user, eventId, participant, event.status);
}

/** The room's state again for a socket already in it (a repeated ir:join): no new attendance row. */
export async function rejoinSnapshot(
	deps: LiveDeps,
	socket: LiveSocket,
	user: SessionUser,
	eventId: string
): Promise<LiveRoomSnapshot> {
	const { event } = await requireLiveAccess(deps.db, user, eventId);
	const participant = registry.findParticipant(eventId, socket.id);
	if (!participant) throw new NotInRoomError();
	return snapshot(deps, user, eventId, participant, event.status);
}

async function snapshot(
	deps: LiveDeps,
	user: SessionUser,
	eventId: string,
	participant: registry.Participant,
	status: LiveRoomSnapshot['status']
): Promise<LiveRoomSnapshot> {
	const { db, media } = deps;
	const [chat, questions, voted, polls] = await Promise.all([
		contentRepository.listChatMessages(db, eventId),
		contentRepository.listQuestions(db, eventId, participant.grants.roomAdmin ? null : user.id),
		contentRepository.votedQuestionIds(db, eventId, user.id),
		pollsForParticipant(db, eventId, user.id)
	]);
	const staff = seesStaffState(participant);
	return {
		eventId,
		userId: user.id,
		role: participant.role,
		grants: participant.grants,
		status,
		viewers: registry.viewerCount(eventId),
		stage: liveStage(eventId),
		chat: chat.map(toLiveChat),
		questions: questions.map(toLiveQuestion),
		votedQuestionIds: voted,
		polls: polls.polls,
		pollAnswers: polls.answers,
		handRaised: registry.hands(eventId).some((hand) => hand.userId === user.id),
		hands: staff ? toLiveHands(eventId) : [],
		participants: staff ? liveParticipants(eventId) : [],
		media: Boolean(media),
		iceServers: media?.backend.iceServers ?? [],
		simulcast: media?.backend.simulcast ?? false,
		mediaTracks: media?.backend.room(eventId).tracks() ?? []
	};
}

/** Takes the socket out of the room; the room (and its media) go when the last one leaves. */
export async function leaveRoom(deps: LiveDeps, socketId: string, eventId: string): Promise<void> {
	const { db, io, media } = deps;
	const participant = registry.removeParticipant(eventId, socketId);
	participant?.release?.();
	io.in(socketId).socketsLeave(liveRoomName(eventId));
	if (media) {
		if (registry.hasRoom(eventId)) await media.backend.room(eventId).leave(socketId);
		else await media.backend.closeRoom(eventId);
	}
	if (participant) await liveRepository.endAttendance(db, participant.attendanceId);
	pushPresence(io, eventId);
	pushStaffState(io, eventId);
}
