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
import { attachCluster } from '../cluster/attach';

export type RealtimeServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

export const userRoom = (userId: string) => `user:${userId}`;

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
		socket.emit('notifications:unread', { count: await countUnread(db, user.id) });
	});

	const unlisten = await runtime.database.listen(NOTIFY_CHANNEL, async (payload) => {
		try {
			const { userId } = JSON.parse(payload) as { userId: string };
			io.to(userRoom(userId)).emit('notifications:unread', { count: await countUnread(db, userId) });
		} catch (error) {
			runtime.logger.warn({ err: error }, 'bad notification payload');
		}
	});

	const unlistenThreads = await pushThreadMessages(io, runtime.database, runtime.logger);

	runtime.io = io;
	runtime.stopWorkers.unshift(async () => {
		await unlisten();
		await unlistenThreads();
		await new Promise<void>((resolve) => io.close(() => resolve()));
	});
	await attachCluster(io, runtime);
	runtime.logger.info('realtime attached');
	return io;
}
