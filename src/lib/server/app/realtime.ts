// The live layer as the portal runs it: socket.io on the HTTP server with the session-cookie check,
// the IR live room's and the needs threads' socket events, the thread pushes, media signalling and,
// on PostgreSQL, the cluster adapter. server.js (through app/lifecycle.ts) and the Vite plugin call it.
import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import type { Kysely } from 'kysely';
import type { DB } from '../db';
import type { Database } from '../db/connect';
import type { Logger } from '../logger';
import { wireRealtime, type RealtimeServer } from '../realtime/attach';
import { authenticateSocket } from '../auth/socket-auth';
import { registerIrLiveHandlers } from '../ir/live/socket-handlers';
import type { MediaHooks } from '../ir/live/presence';
import { pushThreadMessages, registerNeedsHandlers } from '../needs/socket-handlers';
import { registerMediaSignalling } from '../media/signalling';
import { attachCluster } from '../cluster/attach';
import { startApp } from './start';

export type PortalRealtimeDeps = { db: Kysely<DB>; database: Database; logger: Logger; media?: MediaHooks };

/** Every socket event and push of the portal on `io`; returns what stops the listeners. */
export function wirePortalRealtime(io: RealtimeServer, deps: PortalRealtimeDeps): Promise<() => Promise<void>> {
	const { db, database, logger, media } = deps;
	return wireRealtime(io, {
		db,
		database,
		logger,
		authenticate: authenticateSocket(db, logger),
		handlers: [
			(io, socket) => registerNeedsHandlers(io, socket, db, logger),
			(io, socket) => registerIrLiveHandlers({ io, db, logger, media }, socket)
		],
		listeners: [(io) => pushThreadMessages(io, database, logger)]
	});
}

export async function attachRealtime(httpServer: HttpServer): Promise<RealtimeServer> {
	const runtime = await startApp();
	if (runtime.io) return runtime.io as RealtimeServer;
	const io: RealtimeServer = new Server(httpServer, {
		path: '/socket.io',
		serveClient: false,
		maxHttpBufferSize: 64 * 1024
	});
	// The backend is read at each use: on a cluster node attachCluster replaces it with the fenced one.
	const media = runtime.media && {
		get backend() {
			return runtime.media!;
		},
		register: registerMediaSignalling
	};
	const unlisten = await wirePortalRealtime(io, {
		db: runtime.database.db,
		database: runtime.database,
		logger: runtime.logger,
		media
	});

	runtime.io = io;
	runtime.stopWorkers.unshift(async () => {
		await unlisten();
		await new Promise<void>((resolve) => io.close(() => resolve()));
	});
	await attachCluster(io, runtime);
	runtime.logger.info('realtime attached');
	return io;
}
