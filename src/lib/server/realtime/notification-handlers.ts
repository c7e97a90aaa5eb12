// The notification bell's socket event: mark some or all of one's own notifications read.
import type { Kysely } from 'kysely';
import type { Socket } from 'socket.io';
import { z } from 'zod';
import type { DB } from '../db';
import type { ClientToServerEvents, ServerToClientEvents } from '$lib/realtime/events';
import type { Logger } from '../logger';
import { countUnread, markRead } from '../notify/repository';
import type { SocketData } from './socket-data';
import type { RealtimeServer } from './socket-data';
import { userRoom } from './rooms';
import { defineSocketEvents } from './socket-events';

const markReadSchema = z.union([z.object({ ids: z.array(z.uuid()).max(200) }), z.object({ all: z.literal(true) })]);

type AppSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

export function registerNotificationHandlers(
	io: RealtimeServer,
	socket: AppSocket,
	db: Kysely<DB>,
	logger?: Pick<Logger, 'error'>
) {
	const { user } = socket.data;
	defineSocketEvents(
		socket,
		{ 'notifications:mark_read': markReadSchema },
		{
			'notifications:mark_read': async (input) => {
				// Only the user's own notifications are touched, whatever ids arrive.
				await markRead(db, user.id, 'all' in input ? 'all' : input.ids);
				io.to(userRoom(user.id)).emit('notifications:unread', { count: await countUnread(db, user.id) });
			}
		},
		{ logger }
	);
}
