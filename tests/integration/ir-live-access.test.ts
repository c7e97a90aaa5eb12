// Who gets into a live IR room, over real sockets: attendees with a current registration (and NDA,
// and investor membership where required), the presenters, the moderator and operators; nobody else.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import type { DB } from '$lib/server/db';
import type { Database } from '$lib/server/db/connect';
import { createOperator, createUser } from '../factories';
import { createTestDatabase } from './support/database';
import { createAttendee, createLiveSession, nextEvent, request, startLiveServer } from './ir-live-support';

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

async function joinAs(user: { id: string }, eventId: string) {
	const client = await server.connectAs(user);
	return { client, reply: await request(client, 'ir:join', { eventId }) };
}

describe('joining a live IR room', () => {
	it('admits registered attendees, presenters, the moderator and operators with their roles', async () => {
		const { event, presenter, moderator } = await createLiveSession(db);
		const { user: attendee } = await createAttendee(db, event.id);
		const operator = await createOperator(db);
		expect((await joinAs(attendee, event.id)).reply).toMatchObject({
			ok: true,
			room: { role: 'viewer', grants: { canPublish: false, canSubscribe: true, roomAdmin: false } }
		});
		expect((await joinAs(presenter, event.id)).reply).toMatchObject({
			ok: true,
			room: { role: 'presenter', grants: { canPublish: true, roomAdmin: false } }
		});
		expect((await joinAs(moderator, event.id)).reply).toMatchObject({
			ok: true,
			room: { role: 'moderator', grants: { canPublish: true, roomAdmin: true } }
		});
		expect((await joinAs(operator, event.id)).reply).toMatchObject({ ok: true, room: { role: 'moderator' } });
		const rows = await db
			.selectFrom('ir_attendance')
			.select(['user_id', 'role'])
			.where('event_id', '=', event.id)
			.execute();
		expect(rows).toHaveLength(4);
		const stored = await db
			.selectFrom('ir_events')
			.select('peak_viewers')
			.where('id', '=', event.id)
			.executeTakeFirstOrThrow();
		expect(stored.peak_viewers).toBe(1);
	});

	it('refuses an unregistered user, a cancelled registration and malformed input', async () => {
		const { event } = await createLiveSession(db);
		const stranger = await createUser(db);
		expect((await joinAs(stranger, event.id)).reply).toEqual({
			ok: false,
			error: { code: 'not_registered', message: 'Only registered attendees can join this session.' }
		});
		const { user: cancelled } = await createAttendee(db, event.id);
		await db
			.updateTable('ir_registrations')
			.set({ cancelled_at: new Date() })
			.where('user_id', '=', cancelled.id)
			.execute();
		expect((await joinAs(cancelled, event.id)).reply).toMatchObject({ ok: false, error: { code: 'not_registered' } });
		expect((await joinAs(stranger, 'not-a-uuid')).reply).toMatchObject({
			ok: false,
			error: { code: 'validation_failed' }
		});
	});

	it('refuses an attendee who accepted an older NDA version, and admits the current one', async () => {
		const { event } = await createLiveSession(db, { ndaVersion: 'v2' });
		const { user: outdated } = await createAttendee(db, event.id, { ndaVersion: 'v1' });
		const { user: current } = await createAttendee(db, event.id, { ndaVersion: 'v2' });
		expect((await joinAs(outdated, event.id)).reply).toMatchObject({
			ok: false,
			error: { code: 'nda_outdated', message: expect.stringContaining('non-disclosure agreement has changed') }
		});
		expect((await joinAs(current, event.id)).reply).toMatchObject({ ok: true });
	});

	it('refuses a non-investor in an investors-only session, and an investor whose firm lost its verification', async () => {
		const { event } = await createLiveSession(db, { access: 'investors' });
		const { user: founder } = await createAttendee(db, event.id, { kind: 'company' });
		const { user: investor } = await createAttendee(db, event.id, { kind: 'investor' });
		const { user: lapsed, org: lapsedOrg } = await createAttendee(db, event.id, { kind: 'investor' });
		await db
			.updateTable('organizations')
			.set({ status: 'pending', verified_at: null })
			.where('id', '=', lapsedOrg.id)
			.execute();
		expect((await joinAs(founder, event.id)).reply).toMatchObject({ ok: false, error: { code: 'not_investor' } });
		expect((await joinAs(lapsed, event.id)).reply).toMatchObject({ ok: false, error: { code: 'not_investor' } });
		expect((await joinAs(investor, event.id)).reply).toMatchObject({ ok: true });
	});

	it('refuses ended and cancelled sessions with a message', async () => {
		const ended = await createLiveSession(db, { status: 'ended' });
		const cancelled = await createLiveSession(db, { status: 'cancelled' });
		expect((await joinAs(ended.moderator, ended.event.id)).reply).toEqual({
			ok: false,
			error: { code: 'session_ended', message: 'This session has ended.' }
		});
		expect((await joinAs(cancelled.presenter, cancelled.event.id)).reply).toMatchObject({
			ok: false,
			error: { code: 'session_cancelled' }
		});
	});

	it('does not let a socket read or post to a room it has not joined', async () => {
		const a = await createLiveSession(db);
		const b = await createLiveSession(db);
		const { user: viewer } = await createAttendee(db, a.event.id);
		const { client } = await joinAs(viewer, a.event.id);
		const { client: insider } = await joinAs(b.moderator, b.event.id);
		const leaked: unknown[] = [];
		client.on('ir:chat', (message) => leaked.push(message));
		client.on('ir:question', (question) => leaked.push(question));
		expect(await request(client, 'ir:chat_post', { eventId: b.event.id, body: 'hello B' })).toMatchObject({
			ok: false,
			error: { code: 'not_in_room', message: "Join this session's live room first." }
		});
		expect(await request(client, 'ir:question_ask', { eventId: b.event.id, body: 'question for B?' })).toMatchObject({
			ok: false,
			error: { code: 'not_in_room' }
		});
		// Joining B is refused (not registered there), so B's traffic never reaches this socket.
		expect(await request(client, 'ir:join', { eventId: b.event.id })).toMatchObject({
			ok: false,
			error: { code: 'not_registered' }
		});
		const seen = nextEvent(insider, 'ir:chat');
		expect(await request(insider, 'ir:chat_post', { eventId: b.event.id, body: 'B only' })).toEqual({ ok: true });
		await seen;
		expect(leaked).toEqual([]);
		expect(await db.selectFrom('ir_chat_messages').select('body').where('event_id', '=', b.event.id).execute()).toEqual(
			[{ body: 'B only' }]
		);
	});
});
