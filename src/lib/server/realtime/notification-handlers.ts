import type { Kysely } from 'kysely';
import type { Socket } from 'socket.io';
import { z } from 'zod';
import * as m from '$lib/paraglide/messages';
import type { DB } from '../db';
import type { Ack, ClientToServerEvents, ServerToClientEvents } from '$lib/realtime/events';
import { countUnread, markRead } from '../notify/repository';
import type { SocketData } from './auth';
import type { RealtimeServer } from './attach';

const markReadSchema = z.union([z.object({ ids: z.array(z.uuid()).max(200) }), z.object({ all: z.literal(true) })]);

type AppSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

export function registerNotificationHandlers(io: RealtimeServer, socket: AppSocket, db: Kysely<DB>) {
	const { user } = socket.data;
	socket.on('notifications:mark_read', async (payload, ack: Ack) => {
		const reply = typeof ack === 'function' ? ack : () => {};
		const parsed = markReadSchema.safeParse(payload);
		if (!parsed.success) {
			return reply({ ok: false, error: { code: 'validation_failed', message: m.error_validation_failed({}, { locale: user.locale }) } });
		}
		// Only the user's own notifications are touched, whatever ids arrive.
		await markRead(db, user.id, 'all' in parsed.data ? 'all' : parsed.data.ids);
		io.to(`user:${user.id}`).emit('notifications:unread', { count: await countUnread(db, user.id) });
		reply({ ok: true });
	});
}
