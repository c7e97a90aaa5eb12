// socket.io across nodes: two servers with the portal's socket auth and the PostgreSQL adapter on one
// database. An emit on node A (a notification count, a live room's chat line) reaches a socket on B.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { Server } from 'socket.io';
import { io as connect, type Socket } from 'socket.io-client';
import { createTestDatabase, type TestDatabase } from './support/database';
import { createSession, SESSION_COOKIE } from '$lib/server/auth/session';
import { authenticateSocket } from '$lib/server/auth/socket-auth';
import { usePostgresAdapter, type AdapterHandle } from '$lib/server/realtime/adapter';
import { userRoom } from '$lib/server/realtime/attach';
import { liveRoomName } from '$lib/server/ir/live/broadcast';
import { createUser } from '../factories';

const url = process.env.DATABASE_URL;

describe.skipIf(!url)('socket.io PostgreSQL adapter across two nodes', () => {
	let database: TestDatabase;
	const nodes: Array<{ io: Server; url: string; adapter?: AdapterHandle }> = [];
	const clients: Socket[] = [];

	async function startNode(databaseUrl: string) {
		const http = createServer();
		const io = new Server(http, { path: '/socket.io', serveClient: false });
		const adapter = await usePostgresAdapter(io, databaseUrl);
		io.use(authenticateSocket(database.db));
		io.on('connection', async (socket) => {
			await socket.join(userRoom(socket.data.user.id));
			socket.on('join-live', async (eventId: string, ack: () => void) => {
				await socket.join(liveRoomName(eventId));
				ack();
			});
		});
		await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
		const node = { io, url: `http://127.0.0.1:${(http.address() as AddressInfo).port}`, adapter };
		nodes.push(node);
		return node;
	}

	async function connectAs(node: { url: string }, userId: string): Promise<Socket> {
		const { token } = await createSession(database.db, userId);
		const client = connect(node.url, {
			path: '/socket.io',
			transports: ['websocket'],
			forceNew: true,
			reconnection: false,
			extraHeaders: { cookie: `${SESSION_COOKIE}=${token}` }
		});
		clients.push(client);
		await new Promise<void>((resolve, reject) => {
			client.once('connect', () => resolve());
			client.once('connect_error', reject);
		});
		return client;
	}

	/** Emits on `send` until `receive` sees the event: the adapter's LISTEN starts asynchronously. */
	async function deliveredAcross<T>(client: Socket, event: string, send: () => void | Promise<void>): Promise<T> {
		return new Promise<T>((resolve, reject) => {
			const started = Date.now();
			const timer = setInterval(() => {
				if (Date.now() - started > 8000) {
					clearInterval(timer);
					reject(new Error(`${event} never crossed the nodes`));
				} else void send();
			}, 250);
			client.once(event, (payload: T) => {
				clearInterval(timer);
				resolve(payload);
			});
			void send();
		});
	}

	beforeAll(async () => {
		database = await createTestDatabase();
		const { rows } = await sql<{ name: string }>`select current_database() as name`.execute(database.db);
		const own = new URL(url!);
		own.pathname = `/${rows[0]!.name}`;
		await startNode(own.href);
		await startNode(own.href);
	});

	afterAll(async () => {
		for (const client of clients) client.disconnect();
		for (const node of nodes) await new Promise<void>((resolve) => node.io.close(() => resolve()));
		for (const node of nodes) await node.adapter?.close();
		await database.close();
	});

	it('delivers a notification count emitted on node A to the user socket on node B', async () => {
		const [a, b] = nodes;
		const user = await createUser(database.db);
		const onB = await connectAs(b!, user.id);
		const payload = await deliveredAcross<{ count: number }>(onB, 'notifications:unread', () => {
			a!.io.to(userRoom(user.id)).emit('notifications:unread', { count: 7 });
		});
		expect(payload).toEqual({ count: 7 });
	});

	it('delivers a live room broadcast from node A to the room member on node B, and not to others', async () => {
		const [a, b] = nodes;
		const eventId = '11111111-1111-4111-8111-111111111111';
		const member = await connectAs(b!, (await createUser(database.db)).id);
		const outsider = await connectAs(b!, (await createUser(database.db)).id);
		await member.timeout(3000).emitWithAck('join-live', eventId);
		let outsiderHeard = false;
		outsider.on('ir:chat', () => (outsiderHeard = true));
		const line = { id: 'c1', eventId, body: 'hello from A' };
		expect(
			await deliveredAcross(member, 'ir:chat', () => void a!.io.to(liveRoomName(eventId)).emit('ir:chat', line))
		).toEqual(line);
		expect(outsiderHeard).toBe(false);
	});

	it('counts the sockets of both nodes in a room (fetchSockets across nodes)', async () => {
		const [a, b] = nodes;
		const eventId = '22222222-2222-4222-8222-222222222222';
		const onA = await connectAs(a!, (await createUser(database.db)).id);
		const onB = await connectAs(b!, (await createUser(database.db)).id);
		await onA.timeout(3000).emitWithAck('join-live', eventId);
		await onB.timeout(3000).emitWithAck('join-live', eventId);
		// A node learns of the others from their heartbeats, which begin once its LISTEN is up: until
		// it has heard B, A answers with its own sockets alone. Ask until the cluster has met.
		const expected = [onA.id, onB.id].sort();
		let ids: string[] = [];
		for (const started = Date.now(); Date.now() - started < 10_000; await new Promise((r) => setTimeout(r, 200))) {
			ids = (await a!.io.in(liveRoomName(eventId)).fetchSockets()).map((s) => s.id).sort();
			if (ids.length === expected.length) break;
		}
		expect(ids).toEqual(expected);
	});
});
