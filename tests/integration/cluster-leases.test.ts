// Room leases on one database as several nodes see them: one winner under parallel claims, an
// expired lease taken over exactly once, placement on the least loaded live node, fencing of the
// SFU by lease version, handover on shutdown, and a node that loses PostgreSQL stops claiming.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestDatabase, type TestDatabase } from './support/database';
import { createLiveSession } from './ir-live-support';
import * as clusterRepository from '$lib/server/cluster/repository';
import { createClusterNode, type ClusterNodeOptions } from '$lib/server/cluster/node';
import { ClusterUnavailableError, NotLeaseHolderError } from '$lib/server/cluster/errors';
import { fenceMediaBackend } from '$lib/server/cluster/fenced-media';
import { MediaError, type MediaBackend } from '$lib/server/media/backend';
import { openDatabase } from '$lib/server/db/connect';

let database: TestDatabase;
const TTL = 4000;

beforeAll(async () => {
	database = await createTestDatabase();
});
afterAll(async () => {
	await database.close();
});

const newRoom = async () => (await createLiveSession(database.db)).event.id;
const expire = (roomId: string) =>
	sql`update room_leases set expires_at = now() - interval '1 second' where room_id = ${roomId}`.execute(database.db);
const nodeOptions = (nodeId: string, extra: Partial<ClusterNodeOptions> = {}): ClusterNodeOptions => ({
	db: database.db,
	nodeId,
	mediaAddress: `10.0.0.${nodeId.length}`,
	roomCapacity: 100,
	leaseTtlMs: TTL,
	heartbeatMs: 60_000,
	handoverGraceMs: 0,
	...extra
});

describe('claimLease', () => {
	it('gives a free room to exactly one of 20 parallel claimants', async () => {
		const roomId = await newRoom();
		const claims = await Promise.all(
			Array.from({ length: 20 }, (_, i) =>
				clusterRepository.claimLease(database.db, {
					roomId,
					nodeId: `node-${i}`,
					mediaAddress: '127.0.0.1',
					ttlMs: TTL
				})
			)
		);
		const winners = claims.filter((c) => c !== undefined);
		expect(winners).toHaveLength(1);
		const lease = await clusterRepository.findLiveLease(database.db, roomId);
		expect(lease).toMatchObject({ node_id: winners[0]!.node_id, version: 1 });
	});

	it('lets the holder renew without a new version, and nobody else take a live lease', async () => {
		const roomId = await newRoom();
		await clusterRepository.claimLease(database.db, { roomId, nodeId: 'a', mediaAddress: '127.0.0.1', ttlMs: TTL });
		expect(
			await clusterRepository.claimLease(database.db, { roomId, nodeId: 'b', mediaAddress: '127.0.0.2', ttlMs: TTL })
		).toBeUndefined();
		expect(
			await clusterRepository.claimLease(database.db, { roomId, nodeId: 'a', mediaAddress: '127.0.0.1', ttlMs: TTL })
		).toMatchObject({ node_id: 'a', version: 1 });
	});

	it('hands an expired lease to exactly one of 20 parallel claimants, with the next version', async () => {
		const roomId = await newRoom();
		await clusterRepository.claimLease(database.db, { roomId, nodeId: 'dead', mediaAddress: '127.0.0.1', ttlMs: TTL });
		await expire(roomId);
		const claims = await Promise.all(
			Array.from({ length: 20 }, (_, i) =>
				clusterRepository.claimLease(database.db, {
					roomId,
					nodeId: `heir-${i}`,
					mediaAddress: '127.0.0.1',
					ttlMs: TTL
				})
			)
		);
		const winners = claims.filter((c) => c !== undefined);
		expect(winners).toHaveLength(1);
		expect(winners[0]).toMatchObject({ version: 2 });
		expect(winners[0]!.node_id).toMatch(/^heir-/);
	});

	it('refuses a room that does not exist', async () => {
		await expect(
			clusterRepository.claimLease(database.db, {
				roomId: '00000000-0000-4000-8000-000000000000',
				nodeId: 'a',
				mediaAddress: '127.0.0.1',
				ttlMs: TTL
			})
		).rejects.toThrow();
	});
});

describe('cluster nodes', () => {
	it('places a room on the least loaded live node, and every node then answers the same owner', async () => {
		const busy = createClusterNode(nodeOptions('place-busy'));
		const idle = createClusterNode(nodeOptions('place-idle'));
		await Promise.all([busy.start(), idle.start()]);
		for (let i = 0; i < 2; i++) await busy.ensureOwned(await newRoom());
		const roomId = await newRoom();
		const placed = await busy.place(roomId);
		expect(placed.nodeId).toBe('place-idle');
		expect((await idle.place(roomId)).nodeId).toBe('place-idle');
		// The owner's next heartbeat puts the room it was given into its own cache.
		await idle.renew();
		expect(idle.heldVersion(roomId)).toBe(placed.version);
		await expect(busy.ensureOwned(roomId)).rejects.toBeInstanceOf(NotLeaseHolderError);
		await Promise.all([busy.handOver(), idle.handOver()]);
	});

	it('waits for the lease of an owner that stopped beating to end, then places the room on a live node that hears of it', async () => {
		// Short lifetimes so the test waits about a second; the rule is the same at 3.5 s / 0.5 s.
		const timing = { leaseTtlMs: 1200, heartbeatMs: 200 };
		const acquired: string[] = [];
		const dead = createClusterNode(nodeOptions('silent-owner', timing));
		const heir = createClusterNode(nodeOptions('heir', { ...timing, onAcquired: (roomId) => acquired.push(roomId) }));
		await Promise.all([dead.start(), heir.start()]);
		const roomId = await newRoom();
		expect(await dead.ensureOwned(roomId)).toBe(1);
		await dead.stop(); // as after SIGKILL: no more heartbeats, the lease still runs
		// A live owner keeps its room; this one has missed two heartbeats once this holds.
		const silentFor = async () =>
			(await clusterRepository.findLiveLeaseWithOwnerAge(database.db, roomId))?.owner_silent_ms ?? 0;
		for (
			const started = Date.now();
			(await silentFor()) <= 2 * timing.heartbeatMs + 250;
			await new Promise((r) => setTimeout(r, 50))
		)
			if (Date.now() - started > 5000) throw new Error('owner never went silent');
		const placed = await heir.place(roomId);
		expect(placed).toMatchObject({ nodeId: 'heir', version: 2 });
		await heir.renew();
		expect(heir.heldVersion(roomId)).toBe(2);
		expect(acquired).toEqual([roomId]);
		await heir.handOver();
		// The dead node leaves the list of live nodes here, as its heartbeat would age out of it.
		await clusterRepository.forgetNode(database.db, 'silent-owner');
	});

	it('keeps answering a live owner that renews, without waiting', async () => {
		const owner = createClusterNode(nodeOptions('beating-owner', { heartbeatMs: 60_000 }));
		const asker = createClusterNode(nodeOptions('asker'));
		await Promise.all([owner.start(), asker.start()]);
		const roomId = await newRoom();
		await owner.ensureOwned(roomId);
		await owner.renew();
		const started = Date.now();
		expect((await asker.place(roomId)).nodeId).toBe('beating-owner');
		expect(Date.now() - started).toBeLessThan(1000);
		await Promise.all([owner.handOver(), asker.handOver()]);
	});

	it('hands its rooms to another live node on a clean shutdown, with a new version', async () => {
		const lost: string[] = [];
		const leaving = createClusterNode(
			nodeOptions('leaving', { onLost: (roomId) => lost.push(roomId), handoverGraceMs: 0 })
		);
		const staying = createClusterNode(nodeOptions('staying'));
		await Promise.all([leaving.start(), staying.start()]);
		const roomId = await newRoom();
		const before = await leaving.ensureOwned(roomId);
		expect(await leaving.handOver()).toBe(1);
		expect(lost).toEqual([roomId]);
		expect(leaving.heldVersion(roomId)).toBeUndefined();
		const lease = await clusterRepository.findLiveLease(database.db, roomId);
		expect(lease).toMatchObject({ node_id: 'staying', version: before + 1 });
		expect((await clusterRepository.listLiveNodes(database.db, TTL)).map((n) => n.node_id)).not.toContain('leaving');
		await staying.handOver();
	});
});

describe('fencing', () => {
	function recordingBackend() {
		const calls: string[] = [];
		const room = (roomId: string) => ({
			id: roomId,
			publish: async () => (calls.push(`publish ${roomId}`), { type: 'answer' as const, sdp: '' }),
			unpublish: async () => {},
			subscribe: async () => (calls.push(`subscribe ${roomId}`), null),
			setAnswer: async () => {},
			addIceCandidate: async () => {},
			leave: async () => {},
			tracks: () => [],
			on: () => () => {},
			stats: () => ({
				rooms: 0,
				publishers: 0,
				subscribers: 0,
				tracks: 0,
				packetsReceived: 0,
				packetsForwarded: 0,
				bytesForwarded: 0,
				keyframeRequests: 0,
				retransmissions: 0
			}),
			close: async () => {}
		});
		const backend = {
			room,
			closeRoom: async (roomId: string) => void calls.push(`close ${roomId}`),
			iceServers: [],
			stats: () => room('x').stats(),
			close: async () => {}
		} as MediaBackend;
		return { backend, calls };
	}

	it('serves media only while the node holds the lease, and refuses once another node took it', async () => {
		const a = createClusterNode(nodeOptions('fence-a'));
		const b = createClusterNode(nodeOptions('fence-b'));
		await Promise.all([a.start(), b.start()]);
		const { backend, calls } = recordingBackend();
		const stale: string[] = [];
		const fenced = fenceMediaBackend(backend, a, (roomId) => stale.push(roomId));
		const roomId = await newRoom();
		await fenced.room(roomId).subscribe('viewer-1');
		expect(calls).toEqual([`subscribe ${roomId}`]);

		// The lease runs out (as if a's heartbeats had stopped) and b takes it: a's next heartbeat drops it.
		await expire(roomId);
		expect(await b.ensureOwned(roomId)).toBe(2);
		await a.renew();
		await expect(fenced.room(roomId).publish('presenter', { type: 'offer', sdp: '' }, {})).rejects.toEqual(
			new MediaError('media_closed')
		);
		expect(calls).toEqual([`subscribe ${roomId}`]);
		await Promise.all([a.handOver(), b.handOver()]);
	});

	it('keeps a handed-over room up: leaving it and closing it wait for the node to exit', async () => {
		const a = createClusterNode(nodeOptions('keep-a'));
		await a.start();
		const { backend, calls } = recordingBackend();
		const fenced = fenceMediaBackend(backend, a, () => {});
		const [handed, other] = [await newRoom(), await newRoom()];
		fenced.keepForHandover(handed);
		await fenced.closeRoom(handed);
		await fenced.closeRoom(other);
		expect(calls).toEqual([`close ${other}`]);
		await a.handOver();
	});

	it("keeps recording's tap where the backend has one, and adds none where it has not", () => {
		const { backend } = recordingBackend();
		const node = { ensureOwned: async () => 1 };
		expect(fenceMediaBackend(backend, node, () => {}).room('r').tapIngest).toBeUndefined();
		const taps: unknown[] = [];
		const tapping = {
			...backend,
			room: (id: string) => ({ ...backend.room(id), tapIngest: (tap: unknown) => (taps.push(tap), () => {}) })
		} as MediaBackend;
		const room = fenceMediaBackend(tapping, node, () => {}).room('r');
		room.tapIngest?.(() => {});
		expect(taps).toHaveLength(1);
	});

	it('refuses a room whose media was opened under an older lease version', async () => {
		const a = createClusterNode(nodeOptions('fence-c'));
		await a.start();
		const { backend, calls } = recordingBackend();
		const stale: string[] = [];
		const fenced = fenceMediaBackend(backend, a, (roomId) => stale.push(roomId));
		const roomId = await newRoom();
		await fenced.room(roomId).subscribe('viewer-1');
		// Lost and taken again (version 2): peers opened under version 1 must not be served.
		await expire(roomId);
		await a.renew();
		await expect(fenced.room(roomId).subscribe('viewer-1')).rejects.toBeInstanceOf(MediaError);
		expect(stale).toEqual([roomId]);
		await fenced.room(roomId).subscribe('viewer-1');
		expect(calls).toEqual([`subscribe ${roomId}`, `subscribe ${roomId}`]);
		await a.handOver();
	});
});

describe.skipIf(!process.env.DATABASE_URL)('a node that loses PostgreSQL', () => {
	it('drops its leases, reports not ready and stops claiming rooms', async () => {
		// Its own connection to the same database, closed to cut it off.
		const own = await openDatabase({ url: database.kind === 'postgres' ? await currentUrl() : undefined, poolSize: 2 });
		const lost: string[] = [];
		const node = createClusterNode({
			...nodeOptions('cut-off', { onLost: (roomId) => lost.push(roomId), leaseTtlMs: 1000 }),
			db: own.db
		});
		await node.start();
		const roomId = await newRoom();
		await node.ensureOwned(roomId);
		expect(node.ready()).toBe(true);
		await own.close();
		await node.renew();
		expect(lost).toEqual([roomId]);
		await new Promise((resolve) => setTimeout(resolve, 1000));
		expect(node.ready()).toBe(false);
		await expect(node.ensureOwned(roomId)).rejects.toBeInstanceOf(ClusterUnavailableError);
		await expect(node.place(roomId)).rejects.toBeInstanceOf(ClusterUnavailableError);
		await node.stop();
	});
});

/** The URL of this file's database (createTestDatabase does not hand it out). */
async function currentUrl(): Promise<string> {
	const { rows } = await sql<{ name: string }>`select current_database() as name`.execute(database.db);
	const url = new URL(process.env.DATABASE_URL!);
	url.pathname = `/${rows[0]!.name}`;
	return url.href;
}
