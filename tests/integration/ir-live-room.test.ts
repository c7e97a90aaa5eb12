// The live room's grants and rules over real sockets: viewers cannot moderate, chat is throttled and
// persisted, Q&A votes count once and sort, hands go up and speakers are promoted, removals stick.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import type { DB } from '$lib/server/db';
import type { Database } from '$lib/server/db/connect';
import type { LiveQuestion } from '$lib/realtime/ir-room-types';
import * as registry from '$lib/server/ir/live/registry';
import { createTestDatabase } from './support/database';
import {
	createAttendee,
	createLiveSession,
	nextEvent,
	request,
	startLiveServer,
	type LiveClient
} from './ir-live-support';

let database: Database;
let db: Kysely<DB>;
let server: Awaited<ReturnType<typeof startLiveServer>>;

beforeAll(async () => {
	database = await createTestDatabase();
	db = database.db;
	server = await startLiveServer(db);
});
afterAll(async () => {
	await server?.close();
	await database?.close();
});

async function joined(user: { id: string }, eventId: string): Promise<LiveClient> {
	const client = await server.connectAs(user);
	const reply = await request(client, 'ir:join', { eventId });
	expect(reply).toMatchObject({ ok: true });
	return client;
}

async function room() {
	const session = await createLiveSession(db);
	const viewers = await Promise.all([1, 2, 3].map(() => createAttendee(db, session.event.id).then((a) => a.user)));
	const moderator = await joined(session.moderator, session.event.id);
	const clients = [];
	for (const viewer of viewers) clients.push(await joined(viewer, session.event.id));
	return { ...session, viewers, moderatorClient: moderator, clients };
}

const auditActions = async (eventId: string) =>
	(
		await db.selectFrom('audit_log').select('action').where('entity_id', '=', eventId).orderBy('created_at').execute()
	).map((row) => row.action);

describe('live room grants', () => {
	it('refuses every moderator event from a viewer, and from a presenter where it needs room admin', async () => {
		const { event, viewers, clients, presenter } = await room();
		const [alice] = clients;
		const eventId = event.id;
		await request(clients[1], 'ir:chat_post', { eventId, body: 'hello' });
		const message = await db
			.selectFrom('ir_chat_messages')
			.select('id')
			.where('event_id', '=', eventId)
			.executeTakeFirstOrThrow();
		const asked = nextEvent<LiveQuestion>(clients[1], 'ir:question');
		await request(clients[1], 'ir:question_ask', { eventId, body: 'When is your FDA submission?' });
		const question = await asked;
		const refused = {
			ok: false,
			error: { code: 'grant_missing', message: 'Your role in this session does not allow this.' }
		};
		for (const action of ['approve', 'answer', 'dismiss'])
			expect(await request(alice, 'ir:question_moderate', { eventId, questionId: question.id, action })).toEqual(
				refused
			);
		expect(await request(alice, 'ir:chat_delete', { eventId, messageId: message.id })).toEqual(refused);
		expect(await request(alice, 'ir:speaker_promote', { eventId, userId: viewers[0].id })).toEqual(refused);
		expect(await request(alice, 'ir:participant_remove', { eventId, userId: viewers[1].id })).toEqual(refused);
		expect(await request(alice, 'ir:session_end', { eventId })).toEqual(refused);
		expect(await request(alice, 'ir:session_start', { eventId })).toEqual(refused);
		const presenterClient = await joined(presenter, eventId);
		expect(await request(presenterClient, 'ir:participant_remove', { eventId, userId: viewers[1].id })).toEqual(
			refused
		);
		// Nothing changed.
		const stored = await db
			.selectFrom('ir_questions')
			.select('status')
			.where('id', '=', question.id)
			.executeTakeFirstOrThrow();
		expect(stored.status).toBe('pending');
		expect(
			await db
				.selectFrom('ir_chat_messages')
				.select('deleted_at')
				.where('id', '=', message.id)
				.executeTakeFirstOrThrow()
		).toEqual({ deleted_at: null });
		expect(await db.selectFrom('ir_removals').selectAll().where('event_id', '=', eventId).execute()).toEqual([]);
		expect(
			(await db.selectFrom('ir_events').select('status').where('id', '=', eventId).executeTakeFirstOrThrow()).status
		).toBe('scheduled');
		expect(registry.findParticipant(eventId, (alice as unknown as { id: string }).id)?.role).toBe('viewer');
		// The presenter may go live; the moderator may end.
		expect(await request(presenterClient, 'ir:session_start', { eventId })).toEqual({ ok: true });
		expect(await request(presenterClient, 'ir:session_end', { eventId })).toEqual(refused);
	});
});

describe('chat', () => {
	it('throttles at five messages in ten seconds, persists, loads history on join, and lets the moderator delete', async () => {
		const { event, moderatorClient, clients, viewers } = await room();
		const eventId = event.id;
		for (let i = 1; i <= 5; i += 1)
			expect(await request(clients[0], 'ir:chat_post', { eventId, body: `message ${i}` })).toEqual({ ok: true });
		const sixth = await request(clients[0], 'ir:chat_post', { eventId, body: 'one too many' });
		expect(sixth).toMatchObject({
			ok: false,
			error: { code: 'chat_throttled', message: expect.stringMatching(/too quickly\. Try again in \d+ seconds/) }
		});
		// Another person is not affected, and blank or oversized bodies are refused.
		expect(await request(clients[1], 'ir:chat_post', { eventId, body: 'hi all' })).toEqual({ ok: true });
		expect(await request(clients[1], 'ir:chat_post', { eventId, body: '   ' })).toMatchObject({
			ok: false,
			error: { code: 'validation_failed' }
		});
		expect(await request(clients[1], 'ir:chat_post', { eventId, body: 'x'.repeat(1001) })).toMatchObject({
			ok: false,
			error: { code: 'validation_failed' }
		});

		const target = await db
			.selectFrom('ir_chat_messages')
			.select('id')
			.where('body', '=', 'hi all')
			.executeTakeFirstOrThrow();
		const deleted = nextEvent<{ id: string }>(clients[2], 'ir:chat_deleted');
		expect(await request(moderatorClient, 'ir:chat_delete', { eventId, messageId: target.id })).toEqual({ ok: true });
		expect((await deleted).id).toBe(target.id);

		const late = await server.connectAs(viewers[2]);
		const reply = await request(late, 'ir:join', { eventId });
		expect(reply.room.chat.map((message: { body: string }) => message.body)).toEqual([
			'message 1',
			'message 2',
			'message 3',
			'message 4',
			'message 5'
		]);
		expect(await auditActions(eventId)).toContain('ir.chat_deleted');
	});
});

describe('Q&A', () => {
	it('shows pending questions to the asker and the moderator only, approves live, counts one vote per person, sorts by votes', async () => {
		const { event, moderatorClient, clients } = await room();
		const eventId = event.id;
		const [alice, bob, carol] = clients;
		const hiddenFromBob = nextEvent<{ id: string }>(bob, 'ir:question_hidden');
		const seenByModerator = nextEvent<LiveQuestion>(moderatorClient, 'ir:question');
		expect(await request(alice, 'ir:question_ask', { eventId, body: 'What is the reimbursement plan?' })).toEqual({
			ok: true
		});
		const first = await seenByModerator;
		expect(first).toMatchObject({ status: 'pending', votes: 0, body: 'What is the reimbursement plan?' });
		expect((await hiddenFromBob).id).toBe(first.id);
		expect(await request(bob, 'ir:question_vote', { eventId, questionId: first.id })).toMatchObject({
			ok: false,
			error: { code: 'not_found' }
		});

		const approvedForCarol = nextEvent<LiveQuestion>(carol, 'ir:question', (q) => q.status === 'approved');
		expect(
			await request(moderatorClient, 'ir:question_moderate', { eventId, questionId: first.id, action: 'approve' })
		).toEqual({ ok: true });
		expect(await approvedForCarol).toMatchObject({ id: first.id, status: 'approved' });

		await request(bob, 'ir:question_ask', { eventId, body: 'How big is the clinical study?' });
		const second = await db
			.selectFrom('ir_questions')
			.select('id')
			.where('body', '=', 'How big is the clinical study?')
			.executeTakeFirstOrThrow();
		await request(moderatorClient, 'ir:question_moderate', { eventId, questionId: second.id, action: 'approve' });
		const voted = nextEvent<LiveQuestion>(alice, 'ir:question', (q) => q.id === second.id && q.votes === 1);
		expect(await request(carol, 'ir:question_vote', { eventId, questionId: second.id })).toEqual({ ok: true });
		await voted;
		expect(await request(carol, 'ir:question_vote', { eventId, questionId: second.id })).toMatchObject({
			ok: false,
			error: { code: 'already_voted' }
		});
		expect(
			(await db.selectFrom('ir_questions').select('votes').where('id', '=', second.id).executeTakeFirstOrThrow()).votes
		).toBe(1);

		const answered = nextEvent<LiveQuestion>(bob, 'ir:question', (q) => q.status === 'answered');
		expect(
			await request(moderatorClient, 'ir:question_moderate', { eventId, questionId: first.id, action: 'answer' })
		).toEqual({ ok: true });
		await answered;
		expect(
			await request(moderatorClient, 'ir:question_moderate', { eventId, questionId: first.id, action: 'approve' })
		).toMatchObject({ ok: false, error: { code: 'question_closed' } });

		// A rejoining viewer gets the list sorted by votes, with their own votes marked.
		const rejoined = await request(carol, 'ir:join', { eventId });
		expect(rejoined.room.questions.map((q: LiveQuestion) => [q.id, q.votes])).toEqual([
			[second.id, 1],
			[first.id, 0]
		]);
		expect(rejoined.room.votedQuestionIds).toEqual([second.id]);
		expect(await auditActions(eventId)).toEqual(
			expect.arrayContaining(['ir.question_approved', 'ir.question_answered'])
		);
	});
});

describe('hands, speakers and removal', () => {
	it('queues hands for the moderator, promotes and demotes a speaker, and removes a viewer for good', async () => {
		const { event, moderatorClient, clients, viewers, presenter } = await room();
		const eventId = event.id;
		const [alice, bob] = clients;
		const queue = nextEvent<{ hands: { userId: string }[] }>(moderatorClient, 'ir:hands', (p) => p.hands.length === 1);
		expect(await request(alice, 'ir:hand_raise', { eventId })).toEqual({ ok: true });
		expect((await queue).hands.map((hand) => hand.userId)).toEqual([viewers[0].id]);

		const promoted = nextEvent<{ role: string; grants: { canPublish: boolean } }>(
			alice,
			'ir:role',
			(p) => p.role === 'speaker'
		);
		expect(await request(moderatorClient, 'ir:speaker_promote', { eventId, userId: viewers[0].id })).toEqual({
			ok: true
		});
		expect(await promoted).toMatchObject({ role: 'speaker', grants: { canPublish: true }, handRaised: false });
		expect(registry.hands(eventId)).toEqual([]);
		const demoted = nextEvent<{ role: string }>(alice, 'ir:role', (p) => p.role === 'viewer');
		expect(await request(moderatorClient, 'ir:speaker_demote', { eventId, userId: viewers[0].id })).toEqual({
			ok: true
		});
		expect(await demoted).toMatchObject({ grants: { canPublish: false } });

		expect(await request(moderatorClient, 'ir:participant_remove', { eventId, userId: presenter.id })).toMatchObject({
			ok: false,
			error: { code: 'cannot_remove_staff' }
		});
		const removed = nextEvent<{ message: string }>(bob, 'ir:removed');
		const presence = nextEvent<{ viewers: number }>(moderatorClient, 'ir:presence', (p) => p.viewers === 2);
		expect(await request(moderatorClient, 'ir:participant_remove', { eventId, userId: viewers[1].id })).toEqual({
			ok: true
		});
		expect((await removed).message).toBe('The moderator removed you from this session. You cannot rejoin it.');
		await presence;
		expect(await request(bob, 'ir:chat_post', { eventId, body: 'still here?' })).toMatchObject({
			ok: false,
			error: { code: 'not_in_room' }
		});
		expect(await request(bob, 'ir:join', { eventId })).toMatchObject({ ok: false, error: { code: 'removed' } });
		expect(await db.selectFrom('ir_removals').select(['user_id']).where('event_id', '=', eventId).execute()).toEqual([
			{ user_id: viewers[1].id }
		]);
		expect(await auditActions(eventId)).toEqual(
			expect.arrayContaining(['ir.speaker_promoted', 'ir.speaker_demoted', 'ir.participant_removed'])
		);
	});

	it('starts and ends the session: everyone sees the end, attendance closes, the room is emptied', async () => {
		const { event, moderatorClient, clients } = await room();
		const eventId = event.id;
		expect(await request(moderatorClient, 'ir:session_start', { eventId })).toEqual({ ok: true });
		expect(await request(moderatorClient, 'ir:session_start', { eventId })).toMatchObject({
			ok: false,
			error: { code: 'invalid_transition' }
		});
		const ends = clients.map((client) =>
			nextEvent<{ status: string }>(client, 'ir:status', (p) => p.status === 'ended')
		);
		expect(await request(moderatorClient, 'ir:session_end', { eventId })).toEqual({ ok: true });
		await Promise.all(ends);
		const stored = await db
			.selectFrom('ir_events')
			.select(['status', 'live_started_at', 'ended_at', 'peak_viewers', 'sequence'])
			.where('id', '=', eventId)
			.executeTakeFirstOrThrow();
		expect(stored).toMatchObject({ status: 'ended', peak_viewers: 3, sequence: 2 });
		expect(stored.live_started_at).toBeInstanceOf(Date);
		const open = await db
			.selectFrom('ir_attendance')
			.select('id')
			.where('event_id', '=', eventId)
			.where('left_at', 'is', null)
			.execute();
		expect(open).toEqual([]);
		expect(registry.hasRoom(eventId)).toBe(false);
		expect(await request(clients[0], 'ir:join', { eventId })).toMatchObject({
			ok: false,
			error: { code: 'session_ended' }
		});
	});

	it('drops the room when the last participant disconnects, closing attendance', async () => {
		const { event, moderatorClient, clients } = await room();
		for (const client of [moderatorClient, ...clients]) client.disconnect();
		await expect.poll(() => registry.hasRoom(event.id)).toBe(false);
		await expect
			.poll(
				async () =>
					(
						await db
							.selectFrom('ir_attendance')
							.select('id')
							.where('event_id', '=', event.id)
							.where('left_at', 'is', null)
							.execute()
					).length
			)
			.toBe(0);
	});
});
