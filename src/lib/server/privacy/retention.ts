// The daily retention job: removes personal data the portal no longer needs and records what it
// removed (counts only). Each rule is one statement, all in one transaction with the record.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db';
import { recordAudit } from '../audit/repository';
import type { RecurringJob } from '../jobs/runner';

const DAY_MS = 24 * 60 * 60 * 1000;
export const OUTBOX_BODY_DAYS = 90;
/** Throttle windows are at most an hour; a day leaves every running window alone. */
export const RATE_LIMIT_KEEP_MS = DAY_MS;
/** An unanswered invitation is kept a while after it expired, so admins can see it lapsed. */
export const INVITATION_KEEP_DAYS = 30;
export const REMOVED_BODY = '';

export type RetentionSettings = { irChatRetentionDays: number };

export async function runRetention(db: Kysely<DB>, now: Date, settings: RetentionSettings) {
	const before = (days: number) => new Date(now.getTime() - days * DAY_MS);
	return db.transaction().execute(async (trx) => {
		const bodies = await trx
			.updateTable('email_outbox')
			.set({ body_text: REMOVED_BODY })
			.where('created_at', '<', before(OUTBOX_BODY_DAYS))
			.where('body_text', '<>', REMOVED_BODY)
			.where('status', '<>', 'sending')
			.executeTakeFirst();
		const sessions = await trx.deleteFrom('sessions').where('expires_at', '<', now).executeTakeFirst();
		const tokens = await trx.deleteFrom('one_time_tokens').where('expires_at', '<', now).executeTakeFirst();
		const invitations = await trx
			.deleteFrom('invitations')
			.where('accepted_at', 'is', null)
			.where('expires_at', '<', before(INVITATION_KEEP_DAYS))
			.executeTakeFirst();
		const throttles = await trx
			.deleteFrom('rate_limits')
			.where('window_start', '<', new Date(now.getTime() - RATE_LIMIT_KEEP_MS))
			.executeTakeFirst();
		const chat = await trx
			.deleteFrom('ir_chat_messages')
			.where('event_id', 'in', (eb) =>
				eb
					.selectFrom('ir_events')
					.select('id')
					.where(
						sql<Date>`starts_at + make_interval(mins => duration_minutes)`,
						'<',
						before(settings.irChatRetentionDays)
					)
			)
			.executeTakeFirst();
		const removed = {
			email_bodies: Number(bodies.numUpdatedRows),
			sessions: Number(sessions.numDeletedRows),
			one_time_tokens: Number(tokens.numDeletedRows),
			invitations: Number(invitations.numDeletedRows),
			rate_limits: Number(throttles.numDeletedRows),
			ir_chat_messages: Number(chat.numDeletedRows)
		};
		const run = await trx
			.insertInto('privacy_retention_runs')
			.values({ ran_at: now, removed: JSON.stringify(removed) })
			.returning('id')
			.executeTakeFirstOrThrow();
		await recordAudit(trx, {
			actorId: null,
			action: 'privacy.retention_run',
			entityType: 'privacy_retention_run',
			entityId: String(run.id),
			data: removed
		});
		return removed;
	});
}

export const RETENTION_JOB = 'privacy.retention';

/** Daily, first at 03:00 UTC (noon in Seoul is busy; the night is not). */
export function retentionJobs(settings: RetentionSettings): RecurringJob[] {
	return [
		{
			name: RETENTION_JOB,
			everySeconds: 24 * 60 * 60,
			firstRunAt: (now) => {
				const at = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), 3));
				return at < now ? new Date(at.getTime() + DAY_MS) : at;
			},
			handler: ({ db, now }) => runRetention(db, now, settings)
		}
	];
}
