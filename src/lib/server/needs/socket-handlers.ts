// Live threads of need responses: a socket joins a response's room only when the service says the
// user is on one side of it, and every post is checked again, persisted, then sent to both sides.
import type { Kysely } from 'kysely';
import type { Socket } from 'socket.io';
import * as m from '$lib/paraglide/messages';
import type { DB } from '../db';
import { DomainError } from '../errors';
import { messageForError } from '../app/errors';
import type { SessionUser } from '../auth/session';
import type { Ack, ClientToServerEvents, ServerToClientEvents, ThreadMessage } from '$lib/realtime/events';
import { postThreadMessage, requireResponseAccess } from './responses';
import { findMessage, markThreadRead } from './responses-repository';
import { parseThreadAnnouncement, THREAD_CHANNEL } from './thread-events';
import type { Database } from '../db/connect';
import type { Logger } from '../logger';
import { threadJoinSchema, threadPostSchema } from './schemas';
import type { SocketData } from '../realtime/socket-data';
import type { RealtimeServer } from '../realtime/socket-data';
import { defineSocketEvents } from '../realtime/socket-events';

type AppSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

export const responseRoom = (responseId: string) => `need-response:${responseId}`;

/** What the handlers need from socket.io; tests pass a fake. */
export type ThreadTransport = {
	join(room: string): Promise<void> | void;
	leave(room: string): Promise<void> | void;
	rooms(): Set<string>;
};

type Reply = Parameters<Ack>[0];

export function createThreadHandlers(db: Kysely<DB>, user: SessionUser, transport: ThreadTransport) {
	const refuse = (error: unknown): Reply => {
		if (error instanceof DomainError)
			return { ok: false, error: { code: error.code, message: messageForError(error, user.locale) } };
		throw error;
	};
	const invalid = (): Reply => ({
		ok: false,
		error: { code: 'validation_failed', message: m.error_validation_failed({}, { locale: user.locale }) }
	});
	return {
		async join(payload: unknown): Promise<Reply> {
			const parsed = threadJoinSchema.safeParse(payload);
			if (!parsed.success) return invalid();
			try {
				const { response } = await requireResponseAccess(db, user, parsed.data.responseId);
				// Joining only listens: the client says it has read the thread with 'needs:read'.
				await transport.join(responseRoom(response.id));
				return { ok: true };
			} catch (error) {
				return refuse(error);
			}
		},
		async leave(payload: unknown) {
			const parsed = threadJoinSchema.safeParse(payload);
			if (parsed.success) await transport.leave(responseRoom(parsed.data.responseId));
		},
		async post(payload: unknown): Promise<Reply> {
			const parsed = threadPostSchema.safeParse(payload);
			if (!parsed.success) return invalid();
			try {
				// Access is checked again by the service: joining once is no licence to post later. The
				// message reaches the room from the NOTIFY the service sends on commit (pushThreadMessages).
				await postThreadMessage(db, user, parsed.data.responseId, parsed.data.body);
				return { ok: true };
			} catch (error) {
				return refuse(error);
			}
		},
		async read(payload: unknown) {
			const parsed = threadJoinSchema.safeParse(payload);
			// Only a room the socket was let into can be marked read.
			if (parsed.success && transport.rooms().has(responseRoom(parsed.data.responseId)))
				await markThreadRead(db, parsed.data.responseId, user.id);
		}
	};
}

export function registerNeedsHandlers(
	io: RealtimeServer,
	socket: AppSocket,
	db: Kysely<DB>,
	logger?: Pick<Logger, 'error'>
) {
	const handlers = createThreadHandlers(db, socket.data.user, {
		join: (room) => socket.join(room),
		leave: (room) => socket.leave(room),
		rooms: () => socket.rooms
	});
	// The thread handlers validate again and answer refusals themselves; the wrapper adds the catch-all.
	defineSocketEvents(
		socket,
		{
			'needs:join': threadJoinSchema,
			'needs:leave': threadJoinSchema,
			'needs:post': threadPostSchema,
			'needs:read': threadJoinSchema
		},
		{
			'needs:join': (input) => handlers.join(input),
			'needs:leave': (input) => handlers.leave(input),
			'needs:post': (input) => handlers.post(input),
			'needs:read': (input) => handlers.read(input)
		},
		{ logger }
	);
}

/** Committed thread messages (socket or form posts, from any node) go to everyone in the response's room. */
export function pushThreadMessages(
	io: RealtimeServer,
	database: Database,
	logger: Logger
): Promise<() => Promise<void>> {
	return database.listen(THREAD_CHANNEL, async (payload) => {
		const announcement = parseThreadAnnouncement(payload);
		if (!announcement) return logger.warn({ payload }, 'bad thread announcement');
		try {
			const message = await findMessage(database.db, announcement.messageId);
			if (!message) return;
			const live: ThreadMessage = {
				id: message.id,
				responseId: message.response_id,
				authorId: message.author_id,
				authorName: message.author_name,
				body: message.body,
				createdAt: message.created_at.toISOString()
			};
			// Every node hears the NOTIFY, so each tells only its own sockets.
			io.local.to(responseRoom(message.response_id)).emit('needs:message', live);
		} catch (error) {
			logger.warn({ err: error }, 'thread push failed');
		}
	});
}
