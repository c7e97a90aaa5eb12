// A thread message is announced with NOTIFY inside the transaction that stores it, so the live push
// happens only on commit, whichever way it was posted (socket, or a form without JavaScript) and on
// whichever node the readers are connected to.
import { sql } from 'kysely';
import type { Executor } from '../db';

export const THREAD_CHANNEL = 'mc_need_thread';

export type ThreadAnnouncement = { messageId: string; responseId: string };

export async function announceThreadMessage(db: Executor, announcement: ThreadAnnouncement): Promise<void> {
	await sql`select pg_notify(${THREAD_CHANNEL}, ${JSON.stringify(announcement)})`.execute(db);
}

export function parseThreadAnnouncement(payload: string): ThreadAnnouncement | undefined {
	try {
		const value = JSON.parse(payload) as Partial<ThreadAnnouncement>;
		return typeof value.messageId === 'string' && typeof value.responseId === 'string'
			? { messageId: value.messageId, responseId: value.responseId }
			: undefined;
	} catch {
		return undefined;
	}
}
