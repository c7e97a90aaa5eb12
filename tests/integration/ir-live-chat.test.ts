// The chat allowance holds under concurrency: messages sent at the same instant are counted in turn.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import type { DB } from '$lib/server/db';
import type { Database } from '$lib/server/db/connect';
import { CHAT_LIMIT, postChatMessage } from '$lib/server/ir/live/chat';
import { ChatThrottledError } from '$lib/server/ir/live/errors';
import { createTestDatabase } from './support/database';
import { createAttendee, createLiveSession } from './ir-live-support';

let database: Database;
let db: Kysely<DB>;

beforeAll(async () => {
	database = await createTestDatabase();
	db = database.db;
});
afterAll(() => database.close());

describe('live chat allowance', () => {
	it('stores exactly the allowance when twelve messages arrive at once', async () => {
		const { event } = await createLiveSession(db, { status: 'live' });
		const { user } = await createAttendee(db, event.id);
		const results = await Promise.allSettled(
			Array.from({ length: 12 }, (_, i) => postChatMessage(db, event.id, user.id, `message ${i}`))
		);
		expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(CHAT_LIMIT.messages);
		for (const refused of results.filter((r): r is PromiseRejectedResult => r.status === 'rejected'))
			expect(refused.reason).toBeInstanceOf(ChatThrottledError);
		const stored = await db
			.selectFrom('ir_chat_messages')
			.select('id')
			.where('event_id', '=', event.id)
			.where('user_id', '=', user.id)
			.execute();
		expect(stored).toHaveLength(CHAT_LIMIT.messages);
	});
});
