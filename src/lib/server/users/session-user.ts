import type { Executor } from '../db';
import type { SessionUser } from '../auth/session';

/** The user as routes see it, for a bearer-token request; null when missing or disabled. */
export async function findSessionUser(db: Executor, userId: string): Promise<SessionUser | null> {
	const row = await db
		.selectFrom('users')
		.select(['id', 'email', 'name', 'locale', 'time_zone', 'is_operator', 'email_verified_at', 'disabled_at'])
		.where('id', '=', userId)
		.executeTakeFirst();
	if (!row || row.disabled_at) return null;
	return {
		id: row.id,
		email: row.email,
		name: row.name,
		locale: row.locale,
		timeZone: row.time_zone,
		isOperator: row.is_operator,
		emailVerified: row.email_verified_at !== null
	};
}
