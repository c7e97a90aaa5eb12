// Recording on a cluster (issue #13/#14): two socket.io servers with the PostgreSQL adapter, each with
// its own ActiveRecordings routed by cluster/recording-route.ts. A start that reaches the node that
// does not host the room is carried out by the host; a stop sent anywhere closes the host's files
// before it resolves; a room that leaves a node closes its files there.
import { createServer } from 'node:http';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { Server } from 'socket.io';
import { createTestDatabase, type TestDatabase } from './support/database';
import { usePostgresAdapter, type AdapterHandle } from '$lib/server/realtime/adapter';
import { ActiveRecordings } from '$lib/server/media/recording/active';
import { RECORDING_EVENT, routeRecordings } from '$lib/server/cluster/recording-route';
import type { MediaBackend, MediaRoom } from '$lib/server/media/backend';
import { silentLogger } from './media-support';

const url = process.env.DATABASE_URL;

/** A media backend whose rooms only count the recording taps put on them and taken off. */
function tappableBackend() {
	const taps = new Map<string, number>();
	const room = (roomId: string) =>
		({
			id: roomId,
			tapIngest() {
				taps.set(roomId, (taps.get(roomId) ?? 0) + 1);
				return () => taps.set(roomId, (taps.get(roomId) ?? 0) - 1);
			}
		}) as unknown as MediaRoom;
	return { backend: { room } as unknown as MediaBackend, taps };
}

type Node = {
	io: Server;
	adapter?: AdapterHandle;
	recordings: ActiveRecordings;
	hosted: Set<string>;
	taps: Map<string, number>;
	room: (id: string) => MediaRoom;
};

describe.skipIf(!url)('recording on the node that hosts the room', () => {
	let database: TestDatabase;
	let dir: string;
	const nodes: Node[] = [];

	async function startNode(databaseUrl: string): Promise<Node> {
		const http = createServer();
		const io = new Server(http, { path: '/socket.io', serveClient: false });
		const adapter = await usePostgresAdapter(io, databaseUrl);
		await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
		const recordings = new ActiveRecordings(silentLogger);
		const hosted = new Set<string>();
		const { backend, taps } = tappableBackend();
		recordings.useRoute(
			routeRecordings(io, {
				recordings,
				media: () => backend,
				hosts: (roomId) => hosted.has(roomId),
				workDir: async () => dir,
				logger: silentLogger
			})
		);
		const node = { io, adapter, recordings, hosted, taps, room: (id: string) => backend.room(id) };
		nodes.push(node);
		return node;
	}

	/** The nodes learn of each other from the adapter's heartbeats: relay until the other one answers. */
	async function untilMet(from: Node) {
		for (const started = Date.now(); Date.now() - started < 10_000; await new Promise((r) => setTimeout(r, 200))) {
			const answers = await new Promise<unknown[]>((resolve) =>
				from.io.serverSideEmit(
					RECORDING_EVENT,
					{ action: 'stop', recordingId: randomUUID() },
					(_: unknown, replies: unknown[]) => resolve(replies ?? [])
				)
			);
			if (answers.length === 1) return;
		}
		throw new Error('the nodes never heard each other');
	}

	beforeAll(async () => {
		database = await createTestDatabase();
		dir = await mkdtemp(join(tmpdir(), 'mc-cluster-rec-'));
		const { rows } = await sql<{ name: string }>`select current_database() as name`.execute(database.db);
		const own = new URL(url!);
		own.pathname = `/${rows[0]!.name}`;
		await startNode(own.href);
		await startNode(own.href);
		await untilMet(nodes[0]!);
		await untilMet(nodes[1]!);
	}, 30_000);

	afterAll(async () => {
		for (const node of nodes) await node.recordings.stopAll();
		for (const node of nodes) await new Promise<void>((resolve) => node.io.close(() => resolve()));
		for (const node of nodes) await node.adapter?.close();
		await database.close();
		await rm(dir, { recursive: true, force: true });
	});

	const until = async (check: () => boolean, what: string) => {
		for (const started = Date.now(); !check(); await new Promise((r) => setTimeout(r, 50)))
			if (Date.now() - started > 8000) throw new Error(`never: ${what}`);
	};

	it('starts on the host when the other node is asked, and stops there before the stop resolves', async () => {
		const [host, other] = nodes as [Node, Node];
		const roomId = randomUUID();
		const recordingId = randomUUID();
		host.hosted.add(roomId);
		other.recordings.start(other.room(roomId), recordingId, dir);
		await until(() => host.recordings.holds(recordingId), 'the host records');
		expect(other.recordings.holds(recordingId)).toBe(false);
		expect(other.taps.get(roomId) ?? 0).toBe(0);
		expect(host.taps.get(roomId)).toBe(1);

		await other.recordings.stop(recordingId);
		// Resolved only once the host closed its files (took its tap off the room).
		expect(host.recordings.holds(recordingId)).toBe(false);
		expect(host.taps.get(roomId)).toBe(0);
	});

	it('records where it is asked when that node hosts the room, and nowhere when no node does', async () => {
		const [host, other] = nodes as [Node, Node];
		const roomId = randomUUID();
		host.hosted.add(roomId);
		const here = randomUUID();
		host.recordings.start(host.room(roomId), here, dir);
		expect(host.recordings.holds(here)).toBe(true);
		await host.recordings.stop(here);

		const orphan = randomUUID();
		const nobody = randomUUID();
		other.recordings.start(other.room(orphan), nobody, dir);
		// The relay has been answered (a later relay from the same node comes after it).
		await untilMet(other);
		expect(host.recordings.holds(nobody)).toBe(false);
		expect(other.recordings.holds(nobody)).toBe(false);
	});

	it('closes the files of a room that left the node, and only of that room', async () => {
		const [host] = nodes as [Node, Node];
		const [moving, staying] = [randomUUID(), randomUUID()];
		host.hosted.add(moving).add(staying);
		const [a, b] = [randomUUID(), randomUUID()];
		host.recordings.start(host.room(moving), a, dir);
		host.recordings.start(host.room(staying), b, dir);
		await host.recordings.stopRoom(moving);
		expect(host.recordings.holds(a)).toBe(false);
		expect(host.recordings.holds(b)).toBe(true);
		await host.recordings.stop(b);
	});
});
