// Bursts on the live room: fifty ir:join at once on one socket leave one participant, one open
// attendance row and one media registration; questions are limited per person like the chat.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import type { DB } from '$lib/server/db';
import type { Database } from '$lib/server/db/connect';
import type { MediaBackend, MediaRoom } from '$lib/server/media/backend';
import type { MediaHooks } from '$lib/server/ir/live/presence';
import * as registry from '$lib/server/ir/live/registry';
import { askQuestion, QUESTION_LIMIT } from '$lib/server/ir/live/questions';
import { QuestionThrottledError } from '$lib/server/ir/live/errors';
import { createTestDatabase } from './support/database';
import { createAttendee, createLiveSession, request, startLiveServer } from './ir-live-support';

let database: Database;
let db: Kysely<DB>;

beforeAll(async () => {
	database = await createTestDatabase();
	db = database.db;
});
afterAll(() => database.close());

/** A media plane that only counts the signalling registrations still in place. */
function countingMedia() {
	const count = { live: 0, total: 0 };
	const room = { leave: async () => {}, tracks: () => [] } as unknown as MediaRoom;
	const backend = { room: () => room, closeRoom: async () => {}, iceServers: [] } as unknown as MediaBackend;
	const hooks: MediaHooks = {
		backend,
		register: () => {
			count.live++;
			count.total++;
			return () => void count.live--;
		}
	};
	return { hooks, count };
}

const openAttendance = (eventId: string, userId: string) =>
	db
		.selectFrom('ir_attendance')
		.select('id')
		.where('event_id', '=', eventId)
		.where('user_id', '=', userId)
		.where('left_at', 'is', null)
		.execute();

describe('ir:join bursts', () => {
	it('answers fifty parallel joins on one socket with one participant, one attendance row and one media registration', async () => {
		const media = countingMedia();
		const server = await startLiveServer(db, media.hooks);
		try {
			const { event } = await createLiveSession(db, { status: 'live' });
			const { user } = await createAttendee(db, event.id);
			const client = await server.connectAs(user);
			const replies = await Promise.all(
				Array.from({ length: 50 }, () => request(client, 'ir:join', { eventId: event.id }, 20_000))
			);
			expect(replies.every((reply) => reply.ok)).toBe(true);
			expect(replies.every((reply) => reply.room?.role === 'viewer')).toBe(true);
			expect(registry.participants(event.id)).toHaveLength(1);
			expect(await openAttendance(event.id, user.id)).toHaveLength(1);
			expect(media.count).toEqual({ live: 1, total: 1 });

			// Leaving closes the one row and releases the one registration.
			expect(await request(client, 'ir:leave', { eventId: event.id })).toEqual({ ok: true });
			expect(await openAttendance(event.id, user.id)).toHaveLength(0);
			expect(media.count.live).toBe(0);
		} finally {
			await server.close();
		}
	});

	it('still moves a socket from one room to another', async () => {
		const server = await startLiveServer(db);
		try {
			const first = await createLiveSession(db, { status: 'live' });
			const second = await createLiveSession(db, { status: 'live' });
			const { user, org } = await createAttendee(db, first.event.id);
			await db
				.insertInto('ir_registrations')
				.values({ event_id: second.event.id, user_id: user.id, org_id: org.id })
				.execute();
			const client = await server.connectAs(user);
			expect((await request(client, 'ir:join', { eventId: first.event.id })).ok).toBe(true);
			expect((await request(client, 'ir:join', { eventId: second.event.id })).ok).toBe(true);
			expect(await openAttendance(first.event.id, user.id)).toHaveLength(0);
			expect(await openAttendance(second.event.id, user.id)).toHaveLength(1);
		} finally {
			await server.close();
		}
	});
});

describe('question allowance', () => {
	it('stores exactly the allowance when twelve questions arrive at once', async () => {
		const { event } = await createLiveSession(db, { status: 'live' });
		const { user } = await createAttendee(db, event.id);
		const results = await Promise.allSettled(
			Array.from({ length: 12 }, (_, i) => askQuestion(db, event.id, user.id, `question ${i}`))
		);
		expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(QUESTION_LIMIT.count);
		for (const refused of results.filter((r): r is PromiseRejectedResult => r.status === 'rejected'))
			expect(refused.reason).toBeInstanceOf(QuestionThrottledError);
		const stored = await db
			.selectFrom('ir_questions')
			.select('id')
			.where('event_id', '=', event.id)
			.where('user_id', '=', user.id)
			.execute();
		expect(stored).toHaveLength(QUESTION_LIMIT.count);
	});

	it('refuses the socket’s next question with a translated, throttled reply; another person may still ask', async () => {
		const server = await startLiveServer(db);
		try {
			const { event } = await createLiveSession(db, { status: 'live' });
			const asker = await server.connectAs((await createAttendee(db, event.id)).user);
			const other = await server.connectAs((await createAttendee(db, event.id)).user);
			for (const client of [asker, other])
				expect((await request(client, 'ir:join', { eventId: event.id })).ok).toBe(true);
			for (let i = 0; i < QUESTION_LIMIT.count; i++)
				expect(await request(asker, 'ir:question_ask', { eventId: event.id, body: `Q${i}` })).toEqual({ ok: true });
			const refused = await request(asker, 'ir:question_ask', { eventId: event.id, body: 'one more' });
			expect(refused).toMatchObject({ ok: false, error: { code: 'question_throttled' } });
			expect(refused.error?.message).toMatch(/^You are asking questions too quickly\. Try again in \d+ seconds\.$/);
			expect(await request(other, 'ir:question_ask', { eventId: event.id, body: 'mine' })).toEqual({ ok: true });
		} finally {
			await server.close();
		}
	});
});
