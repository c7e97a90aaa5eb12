// The live rooms of this process: which sockets are in which session, their roles and grants, the
// raised hands and the viewer count. The one place where module-level mutable state is allowed: it
// mirrors open sockets, which live in this process only. Every change is synchronous, so creating
// a room and joining it can never interleave; a room is dropped when its last participant leaves.
import type { IrLiveRole } from '../../db/ir-live-types';
import { grantsFor, isStaffRole, type Grants } from './grants';

export type Participant = {
	socketId: string;
	userId: string;
	name: string;
	role: IrLiveRole;
	grants: Grants;
	attendanceId: string;
	joinedAt: Date;
	/** Undoes the socket's media signalling when it leaves. */
	release?: () => void;
};

export type RaisedHand = { userId: string; name: string; raisedAt: Date };

type LiveRoom = {
	eventId: string;
	participants: Map<string, Participant>;
	hands: RaisedHand[];
	/** People the moderator gave the floor: they keep it across a reload or reconnect until demoted. */
	speakers: Set<string>;
	/** Pushes waiting to be sent once (a poll's tally under a burst of answers), by key. */
	coalesced: Map<string, ReturnType<typeof setTimeout>>;
};

const rooms = new Map<string, LiveRoom>();

export function addParticipant(eventId: string, participant: Omit<Participant, 'grants'>): Participant {
	let room = rooms.get(eventId);
	if (!room) {
		room = { eventId, participants: new Map(), hands: [], speakers: new Set(), coalesced: new Map() };
		rooms.set(eventId, room);
	}
	const joined = { ...participant, grants: grantsFor(participant.role) };
	room.participants.set(participant.socketId, joined);
	return joined;
}

/** Removes the socket; its hand is lowered when the user has no other socket left in the room. */
export function removeParticipant(eventId: string, socketId: string): Participant | undefined {
	const room = rooms.get(eventId);
	const participant = room?.participants.get(socketId);
	if (!room || !participant) return undefined;
	room.participants.delete(socketId);
	if (!socketsOfUser(eventId, participant.userId).length)
		room.hands = room.hands.filter((hand) => hand.userId !== participant.userId);
	if (room.participants.size === 0) rooms.delete(eventId);
	return participant;
}

export function findParticipant(eventId: string, socketId: string): Participant | undefined {
	return rooms.get(eventId)?.participants.get(socketId);
}

export function participants(eventId: string): Participant[] {
	return [...(rooms.get(eventId)?.participants.values() ?? [])];
}

export function socketsOfUser(eventId: string, userId: string): Participant[] {
	return participants(eventId).filter((participant) => participant.userId === userId);
}

/** The rooms a socket is in (normally one). */
export function roomsOfSocket(socketId: string): string[] {
	return [...rooms.values()].filter((room) => room.participants.has(socketId)).map((room) => room.eventId);
}

/** Distinct people in the audience (viewers and promoted speakers). */
export function viewerCount(eventId: string): number {
	return new Set(
		participants(eventId)
			.filter((p) => !isStaffRole(p.role))
			.map((p) => p.userId)
	).size;
}

/** Gives every socket of the user a new role (promotion to speaker, demotion to viewer). */
export function setRole(eventId: string, userId: string, role: IrLiveRole): Participant[] {
	const changed = socketsOfUser(eventId, userId);
	for (const participant of changed) {
		participant.role = role;
		participant.grants = grantsFor(role);
	}
	const speakers = rooms.get(eventId)?.speakers;
	if (role === 'speaker') speakers?.add(userId);
	else speakers?.delete(userId);
	if (role === 'speaker') lowerHand(eventId, userId);
	return changed;
}

/** Whether the moderator gave `userId` the floor (and has not taken it back), connected now or not. */
export function isSpeaker(eventId: string, userId: string): boolean {
	return rooms.get(eventId)?.speakers.has(userId) ?? false;
}

export function raiseHand(eventId: string, userId: string, name: string, now = new Date()): RaisedHand[] {
	const room = rooms.get(eventId);
	if (room && !room.hands.some((hand) => hand.userId === userId)) room.hands.push({ userId, name, raisedAt: now });
	return hands(eventId);
}

export function lowerHand(eventId: string, userId: string): RaisedHand[] {
	const room = rooms.get(eventId);
	if (room) room.hands = room.hands.filter((hand) => hand.userId !== userId);
	return hands(eventId);
}

/** The raised hands in the order they went up. */
export function hands(eventId: string): RaisedHand[] {
	return [...(rooms.get(eventId)?.hands ?? [])];
}

export function hasRoom(eventId: string): boolean {
	return rooms.has(eventId);
}

/**
 * Runs `push` once, `delayMs` from the first call for `key` in the room; calls for the same key in the
 * meantime are absorbed by it (so 300 answers in a second make a few tally pushes, not 300).
 * `push` reads what it sends when it runs, so the last change is never lost.
 */
export function coalesce(eventId: string, key: string, delayMs: number, push: () => void): void {
	const room = rooms.get(eventId);
	if (!room) return push();
	if (room.coalesced.has(key)) return;
	const timer = setTimeout(() => {
		room.coalesced.delete(key);
		push();
	}, delayMs);
	timer.unref?.();
	room.coalesced.set(key, timer);
}
