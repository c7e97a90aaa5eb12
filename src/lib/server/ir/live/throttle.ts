// The per-person throttle of the live room's chat and questions: posts of one person in one room are
// taken in turn (an advisory lock for the transaction), then counted in the database, so the limit
// holds across sockets, reconnects and nodes.
import { sql } from 'kysely';
import type { Executor } from '../../db';

export type WindowLimit = { count: number; windowMs: number };

/** Waits until no other post of `kind` by this person in this room is being counted. */
export async function lockPoster(
	trx: Executor,
	kind: 'chat' | 'question',
	eventId: string,
	userId: string
): Promise<void> {
	await sql`select pg_advisory_xact_lock(hashtext(${`ir-${kind}:${eventId}:${userId}`}))`.execute(trx);
}

/**
 * Seconds until another post is allowed, or null when one is allowed now. `recent` are the times of
 * the person's posts inside the window, oldest first.
 */
export function retryAfterSeconds(recent: Date[], limit: WindowLimit, now: Date): number | null {
	if (recent.length < limit.count) return null;
	// The window frees up when the oldest post that counts in it falls out.
	const oldest = recent[recent.length - limit.count];
	return Math.max(1, Math.ceil((oldest.getTime() + limit.windowMs - now.getTime()) / 1000));
}
