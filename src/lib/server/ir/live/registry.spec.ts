// The room registry alone: grants per role, hands in order, viewer count by person, rooms dropped.
import { describe, expect, it } from 'vitest';
import * as registry from './registry';

const join = (eventId: string, socketId: string, userId: string, role: 'moderator' | 'presenter' | 'viewer') =>
	registry.addParticipant(eventId, {
		socketId,
		userId,
		name: userId,
		role,
		attendanceId: `a-${socketId}`,
		joinedAt: new Date()
	});

describe('live room registry', () => {
	it('holds grants per role, counts people not sockets, and drops an empty room', () => {
		const room = 'room-a';
		expect(join(room, 's1', 'mod', 'moderator').grants).toEqual({
			canPublish: true,
			canSubscribe: true,
			roomAdmin: true,
			canStart: true
		});
		expect(join(room, 's2', 'pres', 'presenter').grants).toMatchObject({ canPublish: true, roomAdmin: false });
		expect(join(room, 's3', 'ann', 'viewer').grants).toMatchObject({
			canPublish: false,
			roomAdmin: false,
			canStart: false
		});
		join(room, 's4', 'ann', 'viewer');
		join(room, 's5', 'bob', 'viewer');
		expect(registry.viewerCount(room)).toBe(2);
		expect(registry.roomsOfSocket('s3')).toEqual([room]);
		for (const socket of ['s1', 's2', 's3', 's4', 's5']) registry.removeParticipant(room, socket);
		expect(registry.hasRoom(room)).toBe(false);
	});

	it("keeps hands in order, lowers a promoted speaker's, and lowers a hand when its last socket leaves", () => {
		const room = 'room-b';
		join(room, 't1', 'ann', 'viewer');
		join(room, 't2', 'bob', 'viewer');
		join(room, 't3', 'bob', 'viewer');
		registry.raiseHand(room, 'bob', 'bob', new Date(1));
		registry.raiseHand(room, 'ann', 'ann', new Date(2));
		registry.raiseHand(room, 'bob', 'bob', new Date(3));
		expect(registry.hands(room).map((hand) => hand.userId)).toEqual(['bob', 'ann']);
		const promoted = registry.setRole(room, 'bob', 'speaker');
		expect(promoted.map((p) => [p.socketId, p.grants.canPublish])).toEqual([
			['t2', true],
			['t3', true]
		]);
		expect(registry.hands(room).map((hand) => hand.userId)).toEqual(['ann']);
		registry.removeParticipant(room, 't1');
		expect(registry.hands(room)).toEqual([]);
		registry.removeParticipant(room, 't2');
		registry.removeParticipant(room, 't3');
		expect(registry.hasRoom(room)).toBe(false);
	});

	it('remembers a promoted speaker while all their sockets are gone (a reload), until demoted', () => {
		const room = 'room-c';
		join(room, 'u1', 'mod', 'moderator');
		join(room, 'u2', 'bob', 'viewer');
		registry.setRole(room, 'bob', 'speaker');
		registry.removeParticipant(room, 'u2');
		expect(registry.socketsOfUser(room, 'bob')).toEqual([]);
		expect(registry.isSpeaker(room, 'bob')).toBe(true);
		join(room, 'u3', 'bob', 'viewer');
		registry.setRole(room, 'bob', 'viewer');
		expect(registry.isSpeaker(room, 'bob')).toBe(false);
		expect(registry.isSpeaker(room, 'mod')).toBe(false);
		registry.removeParticipant(room, 'u1');
		registry.removeParticipant(room, 'u3');
	});
});
