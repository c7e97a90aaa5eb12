// The daily retention job removes exactly what is old, and records what it removed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import type { DB } from '$lib/server/db';
import type { Database } from '$lib/server/db/connect';
import { runRetention, REMOVED_BODY } from '$lib/server/privacy/retention';
import { createTestDatabase } from './support/database';
import { createOrganization, createUser, uniqueSuffix } from '../factories';
import { createIrEvent } from './privacy-support';

let database: Database;
let db: Kysely<DB>;

beforeAll(async () => {
	database = await createTestDatabase();
	db = database.db;
});
afterAll(() => database.close());

const DAY = 24 * 60 * 60 * 1000;
const NOW = new Date('2027-06-01T03:00:00Z');
const ago = (ms: number) => new Date(NOW.getTime() - ms);

describe('retention', () => {
	it('removes e-mail bodies after 90 days, expired sessions and tokens, old throttle rows and chat of sessions past the retention, and nothing else', async () => {
		const user = await createUser(db);
		const org = await createOrganization(db);
		const s = uniqueSuffix();
		await db
			.insertInto('email_outbox')
			.values([
				{
					id: crypto.randomUUID(),
					to_address: 'old@example.test',
					subject: 'Old',
					body_text: 'old body',
					status: 'sent',
					created_at: ago(91 * DAY)
				},
				{
					id: crypto.randomUUID(),
					to_address: 'new@example.test',
					subject: 'New',
					body_text: 'new body',
					status: 'sent',
					created_at: ago(89 * DAY)
				}
			])
			.execute();
		const session = (id: string, expires: Date) => ({
			id,
			secret_hash: new Uint8Array(32),
			user_id: user.id,
			expires_at: expires,
			ip: null,
			user_agent: null
		});
		await db
			.insertInto('sessions')
			.values([session(`old${s}`, ago(1000)), session(`live${s}`, new Date(NOW.getTime() + DAY))])
			.execute();
		const token = (id: string, expires: Date) => ({
			id,
			secret_hash: new Uint8Array(32),
			user_id: user.id,
			purpose: 'password_reset' as const,
			expires_at: expires
		});
		await db
			.insertInto('one_time_tokens')
			.values([token(`oldt${s}`, ago(1000)), token(`livet${s}`, new Date(NOW.getTime() + 3_600_000))])
			.execute();
		const invitation = (id: string, expires: Date) => ({
			id,
			secret_hash: new Uint8Array(32),
			org_id: org.id,
			email: `${id}@example.test`,
			role: 'member' as const,
			invited_by: null,
			expires_at: expires
		});
		await db
			.insertInto('invitations')
			.values([invitation(`oldi${s}`, ago(31 * DAY)), invitation(`lapsedi${s}`, ago(29 * DAY))])
			.execute();
		await db
			.insertInto('rate_limits')
			.values([
				{ key: `old:${s}`, window_start: ago(DAY + 1000), hits: 3 },
				{ key: `live:${s}`, window_start: ago(60_000), hits: 1 }
			])
			.execute();
		const oldEvent = await createIrEvent(db, ago(366 * DAY).getTime() - Date.now());
		const recentEvent = await createIrEvent(db, ago(300 * DAY).getTime() - Date.now());
		await db
			.insertInto('ir_chat_messages')
			.values([
				{ event_id: oldEvent.id, user_id: user.id, body: 'old chat' },
				{ event_id: recentEvent.id, user_id: user.id, body: 'recent chat' }
			])
			.execute();

		const removed = await runRetention(db, NOW, { irChatRetentionDays: 365 });

		expect(removed).toEqual({
			email_bodies: 1,
			sessions: 1,
			one_time_tokens: 1,
			invitations: 1,
			rate_limits: 1,
			ir_chat_messages: 1
		});
		expect(
			await db.selectFrom('email_outbox').select(['to_address', 'body_text']).orderBy('to_address').execute()
		).toEqual([
			{ to_address: 'new@example.test', body_text: 'new body' },
			{ to_address: 'old@example.test', body_text: REMOVED_BODY }
		]);
		expect(await db.selectFrom('sessions').select('id').execute()).toEqual([{ id: `live${s}` }]);
		expect(await db.selectFrom('one_time_tokens').select('id').execute()).toEqual([{ id: `livet${s}` }]);
		expect(await db.selectFrom('invitations').select('id').execute()).toEqual([{ id: `lapsedi${s}` }]);
		expect(await db.selectFrom('rate_limits').select('key').execute()).toEqual([{ key: `live:${s}` }]);
		expect(await db.selectFrom('ir_chat_messages').select('body').execute()).toEqual([{ body: 'recent chat' }]);

		const run = await db.selectFrom('privacy_retention_runs').select(['ran_at', 'removed']).executeTakeFirstOrThrow();
		expect(run).toEqual({ ran_at: NOW, removed });
		expect(
			await db
				.selectFrom('audit_log')
				.select(['action', 'data'])
				.where('action', '=', 'privacy.retention_run')
				.execute()
		).toEqual([{ action: 'privacy.retention_run', data: removed }]);

		// A second run finds nothing more.
		expect(await runRetention(db, NOW, { irChatRetentionDays: 365 })).toEqual({
			email_bodies: 0,
			sessions: 0,
			one_time_tokens: 0,
			invitations: 0,
			rate_limits: 0,
			ir_chat_messages: 0
		});
	});
});
