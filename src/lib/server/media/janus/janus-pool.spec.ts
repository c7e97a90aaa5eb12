import { describe, expect, it } from 'vitest';
import type { MediaBackend, MediaRoom, MediaStats } from '../backend';
import { createJanusPool } from './janus-pool';

/** A stand-in for one Janus server's backend: counts its rooms like the real one. */
function fakeServer(): MediaBackend & { opened: string[]; closed: boolean } {
	const rooms = new Set<string>();
	const zero: MediaStats = {
		rooms: 0,
		publishers: 0,
		subscribers: 0,
		tracks: 0,
		packetsReceived: 0,
		packetsForwarded: 0,
		bytesForwarded: 0,
		keyframeRequests: 0,
		retransmissions: 0
	};
	const server = {
		opened: [] as string[],
		closed: false,
		iceServers: [],
		room(roomId: string) {
			if (!rooms.has(roomId)) server.opened.push(roomId);
			rooms.add(roomId);
			return { id: roomId } as MediaRoom;
		},
		async closeRoom(roomId: string) {
			rooms.delete(roomId);
		},
		stats: () => ({ ...zero, rooms: rooms.size, publishers: rooms.size }),
		async close() {
			server.closed = true;
		}
	};
	return server;
}

describe('createJanusPool', () => {
	it('puts each new room on the least loaded server relative to its capacity, and keeps it there', () => {
		const [a, b] = [fakeServer(), fakeServer()];
		const pool = createJanusPool([
			{ url: 'http://a/janus', backend: a, capacity: 2 },
			{ url: 'http://b/janus', backend: b, capacity: 4 }
		]);
		pool.room('r1'); // a 0/2, b 0/4: tie → lower id
		pool.room('r2'); // a 1/2 = 0.5 vs b 0/4 → b
		pool.room('r3'); // a 0.5 vs b 0.25 → b
		pool.room('r1'); // stays on a
		expect(a.opened).toEqual(['r1']);
		expect(b.opened).toEqual(['r2', 'r3']);
		expect(pool.stats()).toMatchObject({ rooms: 3, publishers: 3 });
	});

	it('frees a closed room’s place, and closes every server', async () => {
		const [a, b] = [fakeServer(), fakeServer()];
		const pool = createJanusPool([
			{ url: 'http://a/janus', backend: a, capacity: 1 },
			{ url: 'http://b/janus', backend: b, capacity: 1 }
		]);
		pool.room('r1');
		pool.room('r2');
		await pool.closeRoom('r1');
		pool.room('r3'); // a is free again
		expect(a.opened).toEqual(['r1', 'r3']);
		expect(b.opened).toEqual(['r2']);
		await pool.close();
		expect(a.closed && b.closed).toBe(true);
	});

	it('needs a server', () => {
		expect(() => createJanusPool([])).toThrow();
	});
});
