// socket.io on the portal's own HTTP server: the session cookie is checked on connect, each user
// joins a private room, and PostgreSQL NOTIFY (sent on commit) drives the live pushes.
import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import { startRuntime } from '../runtime';
import { NOTIFY_CHANNEL } from '../notify/service';
import { countUnread } from '../notify/repository';
import type { ClientToServerEvents, ServerToClientEvents } from '$lib/realtime/events';
import { authenticateSocket, type SocketData } from './auth';
import { registerNotificationHandlers } from './notification-handlers';
import { pushThreadMessages, registerNeedsHandlers } from './needs-handlers';
import { registerIrLiveHandlers } from './ir-handlers';
import { registerMediaSignalling } from '../media/signalling';

export type RealtimeServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

export const userRoom = (userId: string) => `user:${userId}`;

async function pushUnreadCount(io: RealtimeServer, db: RealtimeDb, userId: string) {
	io.to(userRoom(userId)).emit('notifications:unread', { count: await countUnread(db, userId) });
}
type RealtimeDb = Parameters<typeof countUnread>[0];

export async function attachRealtime(httpServer: HttpServer): Promise<RealtimeServer> {
	const runtime = await startRuntime();
	if (runtime.io) return runtime.io as RealtimeServer;
	const io: RealtimeServer = new Server(httpServer, { path: '/socket.io', serveClient: false, maxHttpBufferSize: 64 * 1024 });
	const db = runtime.database.db;

	io.use(authenticateSocket(db));
	io.on('connection', async (socket) => {
		const { user } = socket.data;
		await socket.join(userRoom(user.id));
		registerNotificationHandlers(io, socket, db);
		registerNeedsHandlers(io, socket, db);
		registerIrLiveHandlers({ io, db, logger: runtime.logger, media: runtime.media && { backend: runtime.media, register: registerMediaSignalling } }, socket);
		// The database may be down right now: the count then comes with the next resync.
		await pushUnreadCount(io, db, user.id).catch((error) => runtime.logger.warn({ err: error }, 'unread count on connect failed'));
	});

	const unlisten = await runtime.database.listen(NOTIFY_CHANNEL, async (payload) => {
		try {
			const { userId } = JSON.parse(payload) as { userId: string };
			await pushUnreadCount(io, db, userId);
		} catch (error) {
			runtime.logger.warn({ err: error }, 'bad notification payload');
		}
	});

	const unlistenThreads = await pushThreadMessages(io, runtime.database, runtime.logger);

	// NOTIFYs sent while the LISTEN connection was down are lost: send every connected user their
	// unread count again, and tell every client to refetch what it shows (thread heads, lists).
	const stopResync = runtime.database.onListenReconnect(async () => {
		io.emit('realtime:resync', { reason: 'listen_reconnected' });
		const users = new Set((await io.fetchSockets()).map((socket) => socket.data.user.id));
		for (const userId of users) await pushUnreadCount(io, db, userId);
		runtime.logger.info({ users: users.size }, 'live clients told to resync');
	});

	runtime.io = io;
	runtime.stopWorkers.unshift(async () => {
		stopResync();
		await unlisten();
		await unlistenThreads();
		await new Promise<void>((resolve) => io.close(() => resolve()));
	});
	runtime.logger.info('realtime attached');
	return io;
}
