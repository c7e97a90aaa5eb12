// What the room tells its sockets: presence for everyone, hands and participants for the staff,
// and each question only to those who may see it (pending ones: the asker and the moderator).
import type { Server } from 'socket.io';
import type {
	LiveChatMessage,
	LiveHand,
	LiveParticipant,
	LivePoll,
	LiveQuestion,
	LiveStageMember
} from '$lib/realtime/ir-room-types';
import type { ServerToClientEvents } from '$lib/realtime/events';
import { isStaffRole } from './grants';
import { isPublicQuestion, type LiveQuestionRow } from './questions';
import * as registry from './registry';
import type { Participant } from './registry';

type Io = Server<never, ServerToClientEvents>;

export const liveRoomName = (eventId: string) => `ir-live:${eventId}`;

type ChatRow = {
	id: string;
	event_id: string;
	user_id: string | null;
	author_name: string | null;
	body: string;
	created_at: Date;
};

export const toLiveChat = (row: ChatRow): LiveChatMessage => ({
	id: row.id,
	eventId: row.event_id,
	userId: row.user_id,
	authorName: row.author_name,
	body: row.body,
	createdAt: row.created_at.toISOString()
});

export const toLiveQuestion = (row: LiveQuestionRow): LiveQuestion => ({
	id: row.id,
	eventId: row.event_id,
	userId: row.user_id,
	authorName: row.author_name,
	body: row.body,
	status: row.status,
	votes: row.votes,
	createdAt: row.created_at.toISOString()
});

export const toLiveHands = (eventId: string): LiveHand[] =>
	registry
		.hands(eventId)
		.map((hand) => ({ userId: hand.userId, name: hand.name, raisedAt: hand.raisedAt.toISOString() }));

/** Each person once, with the role of their latest socket. */
export function liveParticipants(eventId: string): LiveParticipant[] {
	const people = new Map<string, LiveParticipant>();
	for (const p of registry.participants(eventId))
		people.set(p.userId, { userId: p.userId, name: p.name, role: p.role });
	return [...people.values()];
}

/** Staff (presenters and admins) see the hand queue and the participant list. */
export const seesStaffState = (p: Participant) => p.grants.roomAdmin || isStaffRole(p.role);

export function seesQuestion(
	p: Participant,
	question: { status: LiveQuestion['status']; user_id: string | null }
): boolean {
	if (isPublicQuestion(question.status)) return true;
	if (question.status === 'pending') return p.grants.roomAdmin || p.userId === question.user_id;
	return false;
}

/** Who may publish, so viewers can name the videos they receive. */
export const liveStage = (eventId: string): LiveStageMember[] =>
	registry
		.participants(eventId)
		.filter((p) => p.grants.canPublish)
		.map((p) => ({ peerId: p.socketId, userId: p.userId, name: p.name, role: p.role }));

export function pushPresence(io: Io, eventId: string): void {
	io.to(liveRoomName(eventId)).emit('ir:presence', {
		eventId,
		viewers: registry.viewerCount(eventId),
		stage: liveStage(eventId)
	});
}

export function pushStaffState(io: Io, eventId: string): void {
	const hands = toLiveHands(eventId);
	const participants = liveParticipants(eventId);
	for (const p of registry.participants(eventId).filter(seesStaffState)) {
		io.to(p.socketId).emit('ir:hands', { eventId, hands });
		io.to(p.socketId).emit('ir:participants', { eventId, participants });
	}
}

export function pushQuestion(io: Io, row: LiveQuestionRow): void {
	const question = toLiveQuestion(row);
	for (const p of registry.participants(row.event_id)) {
		if (seesQuestion(p, row)) io.to(p.socketId).emit('ir:question', question);
		else io.to(p.socketId).emit('ir:question_hidden', { eventId: row.event_id, id: row.id });
	}
}

export function pushRole(io: Io, eventId: string, p: Participant): void {
	const handRaised = registry.hands(eventId).some((hand) => hand.userId === p.userId);
	io.to(p.socketId).emit('ir:role', { eventId, role: p.role, grants: p.grants, handRaised });
}

/** A poll's state to everyone in the room (the tally is the same for all). */
export function pushPoll(io: Io, poll: LivePoll): void {
	io.to(liveRoomName(poll.eventId)).emit('ir:poll', poll);
}
