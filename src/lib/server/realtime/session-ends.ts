// Ended sessions close their sockets: whoever ends a session (sign-out, sign-out everywhere, a
// password change, an operator disabling the user) announces it with a NOTIFY, sent on commit, and
// every node disconnects the sockets it holds for that session or user.
import { sql } from 'kysely';
import type { Executor } from '../db';

export const SESSION_ENDED_CHANNEL = 'mc_session_ended';

export type SessionEnded = { sessionId: string } | { userId: string };

/** Call inside the transaction that ends the session(s): the sockets go only if it commits. */
export async function announceSessionsEnded(db: Executor, ended: SessionEnded): Promise<void> {
	await sql`select pg_notify(${SESSION_ENDED_CHANNEL}, ${JSON.stringify(ended)})`.execute(db);
}

export function parseSessionEnded(payload: string): SessionEnded | null {
	try {
		const value = JSON.parse(payload) as Record<string, unknown>;
		if (typeof value.sessionId === 'string') return { sessionId: value.sessionId };
		if (typeof value.userId === 'string') return { userId: value.userId };
	} catch {
		// A payload this code did not write: ignored below.
	}
	return null;
}
