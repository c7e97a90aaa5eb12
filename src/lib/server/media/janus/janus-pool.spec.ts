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

	it('places by the rooms Janus reports from every node, plus those placed since the last reading', async () => {
		const [a, b] = [fakeServer(), fakeServer()];
		let onA = 3; // another portal node keeps three rooms on a
		const pool = createJanusPool(
			[
				{ url: 'http://a/janus', backend: { ...a, roomsOnServer: async () => onA }, capacity: 10 },
				{ url: 'http://b/janus', backend: { ...b, roomsOnServer: async () => 0 }, capacity: 10 }
			],
			{ pollMs: 0 }
		) as ReturnType<typeof createJanusPool> & { refreshLoad(): Promise<unknown> };
		await pool.refreshLoad();
		for (const id of ['r1', 'r2', 'r3', 'r4']) pool.room(id);
		// b: 0, 1, 2 placed since the reading → r1..r3 on b; then a 3 vs b 3: tie → lower id (a)
		expect(b.opened).toEqual(['r1', 'r2', 'r3']);
		expect(a.opened).toEqual(['r4']);
		onA = 0; // the other node's rooms closed
		await pool.refreshLoad();
		pool.room('r5');
		expect(a.opened).toEqual(['r4', 'r5']);
		await pool.close();
	});

	it('avoids a server that does not answer, even when the others are full', async () => {
		const [a, b] = [fakeServer(), fakeServer()];
		let aDown = true;
		const pool = createJanusPool(
			[
				{
					url: 'http://a/janus',
					backend: {
						...a,
						roomsOnServer: async () => {
							if (aDown) throw new Error('unreachable');
							return 0;
						}
					},
					capacity: 2
				},
				{ url: 'http://b/janus', backend: { ...b, roomsOnServer: async () => 1 }, capacity: 2 }
			],
			{ pollMs: 0 }
		) as ReturnType<typeof createJanusPool> & { refreshLoad(): Promise<unknown> };
		await pool.refreshLoad();
		pool.room('r1');
		expect(b.opened).toEqual(['r1']);
		pool.room('r2'); // b is full now, but a crowded room on a server that answers beats one that does not
		expect(b.opened).toEqual(['r1', 'r2']);
		expect(a.opened).toEqual([]);
		aDown = false;
		await pool.refreshLoad();
		pool.room('r3');
		expect(a.opened).toContain('r3');
		await pool.close();
	});

	it('reads the servers every pollMs until closed', async () => {
		const server = fakeServer();
		let reads = 0;
		const pool = createJanusPool(
			[{ url: 'http://a/janus', backend: { ...server, roomsOnServer: async () => (reads++, 0) }, capacity: 2 }],
			{ pollMs: 20 }
		);
		await new Promise((resolve) => setTimeout(resolve, 110));
		expect(reads).toBeGreaterThanOrEqual(3);
		await pool.close();
		const after = reads;
		await new Promise((resolve) => setTimeout(resolve, 60));
		expect(reads).toBe(after);
	});

	it('needs a server', () => {
		expect(() => createJanusPool([])).toThrow();
	});
});
