// socket.io on the portal's own HTTP server: sockets are authenticated on connect, each user joins
// a private room, and PostgreSQL NOTIFY (sent on commit) drives the live pushes. The handlers of the
// domains (IR live room, needs threads) and the authentication are handed in by app/realtime.ts, so
// this module names no domain. Everything here runs outside SvelteKit's request handler, so every
// callback catches what it awaits.
import type { Kysely } from 'kysely';
import type { DB } from '../db';
import type { Database } from '../db/connect';
import type { Logger } from '../logger';
import { NOTIFY_CHANNEL } from '../notify/service';
import { countUnread } from '../notify/repository';
import type { RealtimeServer, RealtimeSocket } from './socket-data';
import { registerNotificationHandlers } from './notification-handlers';
import { sessionRoom, userRoom } from './rooms';
import { parseSessionEnded, SESSION_ENDED_CHANNEL } from './session-ends';

export type { RealtimeServer, RealtimeSocket };
export { userRoom };

type Middleware = (socket: RealtimeSocket, next: (error?: Error) => void) => void;

export type RealtimeDeps = {
	db: Kysely<DB>;
	database: Database;
	logger: Logger;
	/** Checks who connects; a refused socket gets a connect_error. */
	authenticate: Middleware;
	/** Each domain's socket events, registered on every connected socket. */
	handlers: Array<(io: RealtimeServer, socket: RealtimeSocket) => void>;
	/** NOTIFY listeners of the domains; each returns what stops it. */
	listeners?: Array<(io: RealtimeServer) => Promise<() => Promise<void>>>;
};

/** Puts the portal's middleware, handlers and NOTIFY listeners on `io`; returns what stops the listeners. */
export async function wireRealtime(io: RealtimeServer, deps: RealtimeDeps): Promise<() => Promise<void>> {
	const { db, database, logger } = deps;
	io.use(deps.authenticate);
	io.on('connection', async (socket) => {
		const { user } = socket.data;
		try {
			registerNotificationHandlers(io, socket, db, logger);
			for (const register of deps.handlers) register(io, socket);
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
	const unlistenDomains = await Promise.all((deps.listeners ?? []).map((listen) => listen(io)));
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
		for (const unlisten of unlistenDomains) await unlisten();
		await unlistenSessions();
	};
}
