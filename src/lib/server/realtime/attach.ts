// socket.io on the portal's own HTTP server: the session cookie is checked on connect, each user
// joins a private room, and PostgreSQL NOTIFY (sent on commit) drives the live pushes. Everything
// here runs outside SvelteKit's request handler, so every callback catches what it awaits.
import type { Server as HttpServer } from 'node:http';
import type { Kysely } from 'kysely';
import { Server } from 'socket.io';
import { startRuntime } from '../runtime';
import type { DB } from '../db';
import type { Database } from '../db/connect';
import type { Logger } from '../logger';
import { NOTIFY_CHANNEL } from '../notify/service';
import { countUnread } from '../notify/repository';
import type { MediaHooks } from '../ir/live/presence';
import type { ClientToServerEvents, ServerToClientEvents } from '$lib/realtime/events';
import { authenticateSocket, type SocketData } from './auth';
import { registerNotificationHandlers } from './notification-handlers';
import { pushThreadMessages, registerNeedsHandlers } from './needs-handlers';
import { registerIrLiveHandlers } from './ir-handlers';
import { registerMediaSignalling } from '../media/signalling';
import { sessionRoom, userRoom } from './rooms';
import { parseSessionEnded, SESSION_ENDED_CHANNEL } from './session-ends';
import { attachCluster } from '../cluster/attach';

export type RealtimeServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
export { userRoom };

export type RealtimeDeps = { db: Kysely<DB>; database: Database; logger: Logger; media?: MediaHooks };

/** Puts the portal's middleware, handlers and NOTIFY listeners on `io`; returns what stops the listeners. */
export async function wireRealtime(io: RealtimeServer, deps: RealtimeDeps): Promise<() => Promise<void>> {
	const { db, database, logger } = deps;
	io.use(authenticateSocket(db, logger));
	io.on('connection', async (socket) => {
		const { user } = socket.data;
		try {
			registerNotificationHandlers(io, socket, db, logger);
			registerNeedsHandlers(io, socket, db, logger);
			registerIrLiveHandlers({ io, db, logger, media: deps.media }, socket);
			// The database may be down right now: the count then comes with the next resync.
			socket.emit('notifications:unread', { count: await countUnread(db, user.id) });
		} catch (error) {
			// The bell keeps its last count; the socket itself works.
			logger.error({ err: error, socketId: socket.id, userId: user.id }, 'socket connection setup failed');
		}
	});

	const unlistenNotifications = await database.listen(NOTIFY_CHANNEL, async (payload) => {
		try {
			const { userId } = JSON.parse(payload) as { userId: string };
			// Every node hears the NOTIFY: each tells only its own sockets (the adapter would repeat it N times).
			io.local.to(userRoom(userId)).emit('notifications:unread', { count: await countUnread(db, userId) });
		} catch (error) {
			logger.warn({ err: error }, 'bad notification payload');
		}
	});
	const unlistenThreads = await pushThreadMessages(io, database, logger);
	const unlistenSessions = await database.listen(SESSION_ENDED_CHANNEL, (payload) => {
		const ended = parseSessionEnded(payload);
		if (!ended) return logger.warn({ payload }, 'bad session-ended payload');
		// Each node hears the NOTIFY itself, so only this node's sockets are disconnected here.
		io.local.in('sessionId' in ended ? sessionRoom(ended.sessionId) : userRoom(ended.userId)).disconnectSockets(true);
	});

	// NOTIFYs sent while the LISTEN connection was down are lost: send every connected user their
	// unread count again, and tell every client to refetch what it shows (thread heads, lists).
	const stopResync = database.onListenReconnect(async () => {
		io.local.emit('realtime:resync', { reason: 'listen_reconnected' });
		try {
			const users = new Set((await io.local.fetchSockets()).map((socket) => socket.data.user.id));
			for (const userId of users)
				io.local.to(userRoom(userId)).emit('notifications:unread', { count: await countUnread(db, userId) });
			logger.info({ users: users.size }, 'live clients told to resync');
		} catch (error) {
			logger.warn({ err: error }, 'resync of unread counts failed');
		}
	});

	return async () => {
		stopResync();
		await unlistenNotifications();
		await unlistenThreads();
		await unlistenSessions();
	};
}

export async function attachRealtime(httpServer: HttpServer): Promise<RealtimeServer> {
	const runtime = await startRuntime();
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
	const unlisten = await wireRealtime(io, {
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
