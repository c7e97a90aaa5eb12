// Chat rules: attendees post while the session is open, at most CHAT_LIMIT messages per window per
// person (counted in the database, so it holds across reconnects); the moderator deletes.
import type { Kysely } from 'kysely';
import type { DB } from '../../db';
import { recordAudit } from '../../audit/repository';
import { NotFoundError } from '../../errors';
import { ChatThrottledError, LiveSessionClosedError } from './errors';
import * as contentRepository from './content-repository';
import * as liveRepository from './repository';
import { lockPoster, retryAfterSeconds } from './throttle';

export const CHAT_LIMIT = { messages: 5, windowMs: 10_000 };

export type AuditContext = { ip: string | null };

async function requireOpenSession(db: Kysely<DB>, eventId: string) {
	const event = await liveRepository.findEvent(db, eventId);
	if (!event) throw new NotFoundError();
	if (event.status === 'ended') throw new LiveSessionClosedError('session_ended');
	if (event.status === 'cancelled') throw new LiveSessionClosedError('session_cancelled');
	return event;
}

export async function postChatMessage(db: Kysely<DB>, eventId: string, userId: string, body: string, now = new Date()) {
	await requireOpenSession(db, eventId);
	return db.transaction().execute(async (trx) => {
		// One poster at a time per person and room, so two messages sent at the same instant are counted in turn.
		await lockPoster(trx, 'chat', eventId, userId);
		const recent = await contentRepository.recentPostTimes(
			trx,
			'ir_chat_messages',
			eventId,
			userId,
			new Date(now.getTime() - CHAT_LIMIT.windowMs)
		);
		const retryAfter = retryAfterSeconds(recent, { count: CHAT_LIMIT.messages, windowMs: CHAT_LIMIT.windowMs }, now);
		if (retryAfter !== null) throw new ChatThrottledError(retryAfter);
		return contentRepository.insertChatMessage(trx, eventId, userId, body);
	});
}

export async function deleteChatMessage(
	db: Kysely<DB>,
	actorId: string,
	eventId: string,
	messageId: string,
	context: AuditContext
): Promise<void> {
	await db.transaction().execute(async (trx) => {
		const deleted = await contentRepository.softDeleteChatMessage(trx, eventId, messageId, actorId);
		if (!deleted) throw new NotFoundError();
		await recordAudit(trx, {
			actorId,
			action: 'ir.chat_deleted',
			entityType: 'ir_event',
			entityId: eventId,
			data: { messageId },
			ip: context.ip
		});
	});
}

export { requireOpenSession };
