// The portal's whole realtime layer (wirePortalRealtime: socket auth, every handler, the NOTIFY listeners)
// on a real socket.io server on an ephemeral port, and socket.io clients over either transport.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Kysely } from 'kysely';
import { Server } from 'socket.io';
import { io as connect, type Socket as ClientSocket } from 'socket.io-client';
import type { DB } from '$lib/server/db';
import type { Database } from '$lib/server/db/connect';
import { createLogger } from '$lib/server/logger';
import type { RealtimeServer } from '$lib/server/realtime/attach';
import { wirePortalRealtime } from '$lib/server/app/realtime';

export type Transport = 'polling' | 'websocket';
export type ConnectOutcome =
	| { connected: true; socket: ClientSocket }
	| { connected: false; message: string; data?: { code: string; message: string } };

/** A realtime server whose handlers query `db` (which may be made to fail) and listen on `database`. */
export async function startRealtimeServer(database: Database, db: Kysely<DB> = database.db) {
	const http = createServer();
	const io: RealtimeServer = new Server(http, { path: '/socket.io', serveClient: false, maxHttpBufferSize: 64 * 1024 });
	const stop = await wirePortalRealtime(io, { db, database, logger: createLogger('silent') });
	await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
	const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
	const clients: ClientSocket[] = [];
	return {
		io,
		url,
		/** Connects with `cookie` and reports whether socket.io accepted it (or its connect_error). */
		connect(cookie: string, transport: Transport = 'websocket'): Promise<ConnectOutcome> {
			const client = connect(url, {
				path: '/socket.io',
				transports: [transport],
				forceNew: true,
				reconnection: false,
				timeout: 10_000,
				extraHeaders: { cookie }
			});
			clients.push(client);
			return new Promise((resolve) => {
				client.once('connect', () => resolve({ connected: true, socket: client }));
				client.once('connect_error', (error: Error & { data?: { code: string; message: string } }) =>
					resolve({ connected: false, message: error.message, data: error.data })
				);
			});
		},
		async close() {
			for (const client of clients) client.disconnect();
			await stop();
			await new Promise<void>((resolve) => io.close(() => resolve()));
		}
	};
}

/** Resolves when `client` is disconnected, with the reason; rejects after `timeoutMs`. */
export function disconnected(client: ClientSocket, timeoutMs = 5000): Promise<string> {
	if (client.disconnected) return Promise.resolve('already');
	return new Promise((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(`still connected after ${timeoutMs} ms`)), timeoutMs);
		client.once('disconnect', (reason) => {
			clearTimeout(timer);
			resolve(reason);
		});
	});
}

/** `db` with a switch that makes every query fail, as a dropped connection would. */
export function breakableDb(db: Kysely<DB>) {
	const state = { broken: false };
	const failing = db.withPlugin({
		transformQuery(args) {
			if (state.broken) throw new Error('Connection terminated unexpectedly');
			return args.node;
		},
		transformResult: async (args) => args.result
	});
	return { db: failing, state };
}
