import { sql } from 'kysely';
import type { Executor } from '../db';

/** Who a notification goes to: their address, language, and whether the account still receives anything. */
export function findRecipient(db: Executor, userId: string) {
	return db
		.selectFrom('users')
		.select(['id', 'email', 'locale', 'disabled_at'])
		.where('id', '=', userId)
		.executeTakeFirst();
}

export type NewNotification = {
	userId: string;
	kind: string;
	params: Record<string, string>;
	link: string | null;
};

export function insertNotification(db: Executor, n: NewNotification) {
	return db
		.insertInto('notifications')
		.values({ user_id: n.userId, kind: n.kind, params: JSON.stringify(n.params), link: n.link })
		.returning(['id', 'created_at'])
		.executeTakeFirstOrThrow();
}

export function listNotifications(db: Executor, userId: string, limit: number, unreadOnly = false, kinds?: string[]) {
	let query = db
		.selectFrom('notifications')
		.select(['id', 'kind', 'params', 'link', 'read_at', 'created_at'])
		.where('user_id', '=', userId);
	if (unreadOnly) query = query.where('read_at', 'is', null);
	if (kinds) query = kinds.length ? query.where('kind', 'in', kinds) : query.where(sql<boolean>`false`);
	return query.orderBy('created_at', 'desc').limit(limit).execute();
}

export async function countUnread(db: Executor, userId: string): Promise<number> {
	const row = await db
		.selectFrom('notifications')
		.select((eb) => eb.fn.countAll<number>().as('count'))
		.where('user_id', '=', userId)
		.where('read_at', 'is', null)
		.executeTakeFirstOrThrow();
	return Number(row.count);
}

/** Marks the user's own notifications read; ids of other users' notifications are ignored. */
export async function markRead(db: Executor, userId: string, ids: string[] | 'all') {
	let query = db
		.updateTable('notifications')
		.set({ read_at: new Date() })
		.where('user_id', '=', userId)
		.where('read_at', 'is', null);
	if (ids !== 'all') {
		if (ids.length === 0) return;
		query = query.where('id', 'in', ids);
	}
	await query.execute();
}

export type OutgoingEmail = { to: string; subject: string; body: string; status: 'queued' | 'kept' };

export async function enqueueEmail(db: Executor, email: OutgoingEmail) {
	await db
		.insertInto('email_outbox')
		.values({ to_address: email.to, subject: email.subject, body_text: email.body, status: email.status })
		.execute();
}

export function listOutbox(db: Executor, limit: number, offset: number, to?: string) {
	let query = db.selectFrom('email_outbox').selectAll();
	if (to) query = query.where(sql`lower(to_address)`, '=', to.toLowerCase());
	return query.orderBy('created_at', 'desc').limit(limit).offset(offset).execute();
}

/**
 * Claims a batch for sending in one short statement (rows another worker holds are skipped). A claim
 * older than `staleAfterMs` — a worker that died mid-send — is taken over.
 */
export function claimQueuedEmails(db: Executor, limit: number, staleAfterMs = 10 * 60 * 1000) {
	const stale = new Date(Date.now() - staleAfterMs);
	return db
		.updateTable('email_outbox')
		.set({ status: 'sending', claimed_at: new Date() })
		.where('id', 'in', (eb) =>
			eb
				.selectFrom('email_outbox')
				.select('id')
				.where((w) =>
					w.or([w('status', '=', 'queued'), w.and([w('status', '=', 'sending'), w('claimed_at', '<', stale)])])
				)
				.orderBy('created_at')
				.limit(limit)
				.forUpdate()
				.skipLocked()
		)
		.returningAll()
		.execute();
}

const MAX_ATTEMPTS = 5;

export async function markEmailResult(db: Executor, id: string, error: string | null) {
	await db
		.updateTable('email_outbox')
		.set((eb) => ({
			status: error
				? sql<
						'queued' | 'failed'
					>`case when ${eb.ref('attempts')} + 1 >= ${MAX_ATTEMPTS} then 'failed' else 'queued' end`
				: 'sent',
			attempts: sql`attempts + 1`,
			last_error: error,
			claimed_at: null,
			sent_at: error ? null : new Date()
		}))
		.where('id', '=', id)
		.execute();
}

/** The user's channels for one notification kind; undefined when they never changed it (both on). */
export function findPreference(db: Executor, userId: string, kind: string) {
	return db
		.selectFrom('notification_preferences')
		.select(['in_app', 'email'])
		.where('user_id', '=', userId)
		.where('kind', '=', kind)
		.executeTakeFirst();
}

export function listPreferences(db: Executor, userId: string) {
	return db
		.selectFrom('notification_preferences')
		.select(['kind', 'in_app', 'email'])
		.where('user_id', '=', userId)
		.execute();
}

export async function savePreferences(
	db: Executor,
	userId: string,
	preferences: { kind: string; inApp: boolean; email: boolean }[]
) {
	if (preferences.length === 0) return;
	await db
		.insertInto('notification_preferences')
		.values(preferences.map((p) => ({ user_id: userId, kind: p.kind, in_app: p.inApp, email: p.email })))
		.onConflict((oc) =>
			oc.columns(['user_id', 'kind']).doUpdateSet((eb) => ({
				in_app: eb.ref('excluded.in_app'),
				email: eb.ref('excluded.email'),
				updated_at: new Date()
			}))
		)
		.execute();
}
