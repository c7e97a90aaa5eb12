// Polls in the live room over real sockets: only the room admin opens and closes, one open poll at a
// time, every participant answers once (also when answering in parallel), the tally reaches the room,
// a closed poll takes no answers, strangers and other sessions' options are refused, and the export
// counts exactly.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import type { DB } from '$lib/server/db';
import type { Database } from '$lib/server/db/connect';
import type { LivePoll } from '$lib/realtime/ir-room-types';
import { answerPoll, createPoll } from '$lib/server/ir/live/polls';
import { LivePollError } from '$lib/server/ir/live/errors';
import { listPollResults, pollsCsv } from '$lib/server/ir/analytics';
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
	expect(await request(client, 'ir:join', { eventId })).toMatchObject({ ok: true });
	return client;
}

async function room(viewerCount = 3) {
	const session = await createLiveSession(db, { status: 'live' });
	const viewers = await Promise.all(
		Array.from({ length: viewerCount }, () => createAttendee(db, session.event.id).then((a) => a.user))
	);
	const moderatorClient = await joined(session.moderator, session.event.id);
	const clients = [];
	for (const viewer of viewers) clients.push(await joined(viewer, session.event.id));
	return { ...session, viewers, moderatorClient, clients };
}

const opened = (client: LiveClient) =>
	nextEvent<LivePoll>(client, 'ir:poll', (p) => p.status === 'open' && p.total === 0);

describe('live polls', () => {
	it('opens for the room admin only, reaches everyone, counts each answer once and refuses after closing', async () => {
		const { event, moderatorClient, clients, presenter } = await room();
		const eventId = event.id;
		const refused = {
			ok: false,
			error: { code: 'grant_missing', message: 'Your role in this session does not allow this.' }
		};
		expect(
			await request(clients[0], 'ir:poll_create', { eventId, question: 'Invest?', options: ['Yes', 'No'] })
		).toEqual(refused);
		const presenterClient = await joined(presenter, eventId);
		expect(
			await request(presenterClient, 'ir:poll_create', { eventId, question: 'Invest?', options: ['Yes', 'No'] })
		).toEqual(refused);
		expect(await db.selectFrom('ir_polls').select('id').where('event_id', '=', eventId).execute()).toEqual([]);

		const seen = clients.map(opened);
		expect(
			await request(moderatorClient, 'ir:poll_create', {
				eventId,
				question: 'Would you join the seed round?',
				options: ['Yes', 'Maybe', 'No']
			})
		).toEqual({ ok: true });
		const polls = await Promise.all(seen);
		const poll = polls[0];
		expect(polls.every((p) => p.id === poll.id)).toBe(true);
		expect(poll.options.map((o) => o.label)).toEqual(['Yes', 'Maybe', 'No']);
		const [yes, maybe] = poll.options;

		// A second poll while one is open is refused with a reason.
		const second = await request(moderatorClient, 'ir:poll_create', {
			eventId,
			question: 'Another?',
			options: ['A', 'B']
		});
		expect(second).toMatchObject({
			ok: false,
			error: { code: 'poll_open', message: 'A poll is already open. Close it before starting a new one.' }
		});

		const tally = nextEvent<LivePoll>(moderatorClient, 'ir:poll', (p) => p.id === poll.id && p.total === 3, 5000);
		expect(await request(clients[0], 'ir:poll_answer', { eventId, pollId: poll.id, optionId: yes.id })).toEqual({
			ok: true
		});
		expect(await request(clients[1], 'ir:poll_answer', { eventId, pollId: poll.id, optionId: yes.id })).toEqual({
			ok: true
		});
		expect(await request(clients[2], 'ir:poll_answer', { eventId, pollId: poll.id, optionId: maybe.id })).toEqual({
			ok: true
		});
		// Answering twice is refused and does not count.
		expect(await request(clients[0], 'ir:poll_answer', { eventId, pollId: poll.id, optionId: maybe.id })).toMatchObject(
			{ ok: false, error: { code: 'already_answered' } }
		);
		const pushed = await tally;
		expect(pushed.options.map((o) => o.votes)).toEqual([2, 1, 0]);

		// Someone who has not joined the room cannot answer; an option of another poll is not found.
		const { user: outsider } = await createAttendee(db, eventId);
		const outsiderClient = await server.connectAs(outsider);
		expect(
			await request(outsiderClient, 'ir:poll_answer', { eventId, pollId: poll.id, optionId: yes.id })
		).toMatchObject({ ok: false, error: { code: 'not_in_room' } });
		const other = await createLiveSession(db, { status: 'live' });
		const otherPoll = await createPoll(
			db,
			other.moderator.id,
			other.event.id,
			{ question: 'Elsewhere', options: ['X', 'Y'] },
			{ ip: null }
		);
		const late = await createAttendee(db, eventId);
		const lateClient = await joined(late.user, eventId);
		expect(
			await request(lateClient, 'ir:poll_answer', { eventId, pollId: poll.id, optionId: otherPoll.options[0].id })
		).toMatchObject({ ok: false, error: { code: 'not_found' } });

		// A late joiner gets the poll, with its tally, in the join snapshot; their own answer shows there after answering.
		const snapshot = await request(lateClient, 'ir:join', { eventId });
		expect(snapshot.room.polls[0]).toMatchObject({ id: poll.id, status: 'open', total: 3 });
		expect(snapshot.room.pollAnswers).toEqual({});

		// Closing: only the admin; then answers are refused and everyone sees it closed.
		expect(await request(clients[0], 'ir:poll_close', { eventId, pollId: poll.id })).toEqual(refused);
		const closed = nextEvent<LivePoll>(clients[2], 'ir:poll', (p) => p.id === poll.id && p.status === 'closed');
		expect(await request(moderatorClient, 'ir:poll_close', { eventId, pollId: poll.id })).toEqual({ ok: true });
		expect((await closed).closedAt).not.toBeNull();
		expect(await request(lateClient, 'ir:poll_answer', { eventId, pollId: poll.id, optionId: yes.id })).toMatchObject({
			ok: false,
			error: { code: 'poll_closed' }
		});
		expect(await request(moderatorClient, 'ir:poll_close', { eventId, pollId: poll.id })).toMatchObject({
			ok: false,
			error: { code: 'poll_closed' }
		});

		const audit = await db
			.selectFrom('audit_log')
			.select('action')
			.where('entity_id', '=', eventId)
			.where('action', 'like', 'ir.poll%')
			.orderBy('created_at')
			.execute();
		expect(audit.map((a) => a.action)).toEqual(['ir.poll_opened', 'ir.poll_closed']);

		// The export: one row per answer with its count and share.
		const csv = pollsCsv(await listPollResults(db, eventId), {
			question: 'Q',
			openedAt: 'O',
			closedAt: 'C',
			option: 'A',
			votes: 'V',
			share: 'S'
		});
		const rows = csv
			.replace(/^\uFEFF/, '')
			.trim()
			.split('\r\n');
		expect(rows).toHaveLength(4);
		expect(rows[1]).toMatch(/^Would you join the seed round\?,.*,Yes,2,66\.7$/);
		expect(rows[3]).toMatch(/,No,0,0$/);
	});

	it('refuses malformed polls with a message and stores nothing', async () => {
		const { event, moderatorClient } = await room(0);
		const eventId = event.id;
		for (const payload of [
			{ eventId, question: 'One answer only', options: ['Yes'] },
			{ eventId, question: 'Seven answers', options: ['1', '2', '3', '4', '5', '6', '7'] },
			{ eventId, question: 'Same twice', options: ['Yes', 'yes'] },
			{ eventId, question: '', options: ['A', 'B'] },
			{ eventId, question: 'Nul', options: ['A\u0000', 'B'] }
		]) {
			const reply = await request(moderatorClient, 'ir:poll_create', payload);
			expect(reply.ok).toBe(false);
			expect(reply.error?.message.length).toBeGreaterThan(5);
		}
		expect(await db.selectFrom('ir_polls').select('id').where('event_id', '=', eventId).execute()).toEqual([]);
	});

	it('counts exactly one answer per person when the same person answers twenty times at once', async () => {
		const { event, moderator } = await createLiveSession(db, { status: 'live' });
		const poll = await createPoll(
			db,
			moderator.id,
			event.id,
			{ question: 'Parallel?', options: ['A', 'B'] },
			{ ip: null }
		);
		const { user } = await createAttendee(db, event.id);
		const results = await Promise.allSettled(
			Array.from({ length: 20 }, (_, i) => answerPoll(db, event.id, user.id, poll.id, poll.options[i % 2].id))
		);
		expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
		for (const r of results) if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(LivePollError);
		const [stored] = await listPollResults(db, event.id);
		expect(stored.options.reduce((sum, o) => sum + o.votes, 0)).toBe(1);
	});

	it('lets only one of two polls opened at the same instant through', async () => {
		const { event, moderator } = await createLiveSession(db, { status: 'live' });
		const results = await Promise.allSettled(
			[1, 2, 3].map((n) =>
				createPoll(db, moderator.id, event.id, { question: `Poll ${n}`, options: ['A', 'B'] }, { ip: null })
			)
		);
		expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
		for (const r of results) if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(LivePollError);
	});
});
