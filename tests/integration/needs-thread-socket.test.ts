// The socket handlers of response threads: join and post only on one's own side, live to the room.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import type { DB } from '$lib/server/db';
import type { Database } from '$lib/server/db/connect';
import type { SessionUser } from '$lib/server/auth/session';
import { createThreadHandlers } from '$lib/server/needs/socket-handlers';
import { postThreadMessage } from '$lib/server/needs/responses';
import { parseThreadAnnouncement, THREAD_CHANNEL, type ThreadAnnouncement } from '$lib/server/needs/thread-events';
import { respondToNeed } from '$lib/server/needs/service';
import { countUnreadInThread } from '$lib/server/needs/responses-repository';
import { createTestDatabase } from './support/database';
import { actorOf, context, createCompany, createHospital, postNeed } from './needs-support';

let database: Database;
let db: Kysely<DB>;

beforeAll(async () => {
	database = await createTestDatabase();
	db = database.db;
});
afterAll(() => database.close());

function fakeSocket(user: { id: string; email: string; name: string }) {
	const rooms = new Set<string>();
	const sessionUser: SessionUser = {
		id: user.id,
		email: user.email,
		name: user.name,
		locale: 'en',
		timeZone: 'Asia/Seoul',
		isOperator: false,
		emailVerified: true
	};
	const handlers = createThreadHandlers(db, sessionUser, {
		join: (room) => void rooms.add(room),
		leave: (room) => void rooms.delete(room),
		rooms: () => rooms
	});
	return { handlers, rooms };
}

/** What the realtime layer hears on the thread channel (it pushes these to the response's room). */
async function listenToThreads() {
	const heard: ThreadAnnouncement[] = [];
	const stop = await database.listen(THREAD_CHANNEL, (payload) => {
		const announcement = parseThreadAnnouncement(payload);
		if (announcement) heard.push(announcement);
	});
	return { heard, stop };
}

const eventually = async (check: () => boolean, ms = 3000) => {
	const until = Date.now() + ms;
	while (!check() && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 20));
};

describe('needs thread socket handlers', () => {
	it('refuses another company, validates input, and delivers posts to the room', async () => {
		const hospital = await createHospital(db);
		const alpha = await createCompany(db);
		const beta = await createCompany(db);
		const need = await postNeed(db, hospital.staff);
		const response = await respondToNeed(
			db,
			actorOf(alpha.member),
			need.id,
			{ message: 'Proposal', productIds: [] },
			context
		);

		const intruder = fakeSocket(beta.owner);
		// The refusal speaks the user's language (English here), not the server's default.
		expect(await intruder.handlers.join({ responseId: response.id })).toMatchObject({
			ok: false,
			error: { code: 'not_found', message: 'We could not find that page.' }
		});
		expect(intruder.rooms.size).toBe(0);
		expect(await intruder.handlers.post({ responseId: response.id, body: 'let me in' })).toMatchObject({
			ok: false,
			error: { code: 'not_found' }
		});
		expect(await intruder.handlers.join({ responseId: 'not-a-uuid' })).toMatchObject({
			ok: false,
			error: { code: 'validation_failed' }
		});
		expect(await intruder.handlers.post({ responseId: response.id, body: '' })).toMatchObject({
			ok: false,
			error: { code: 'validation_failed' }
		});

		const company = fakeSocket(alpha.member);
		const clinic = fakeSocket(hospital.staff);
		expect(await company.handlers.join({ responseId: response.id })).toEqual({ ok: true });
		expect(await clinic.handlers.join({ responseId: response.id })).toEqual({ ok: true });
		const threads = await listenToThreads();
		expect(await company.handlers.post({ responseId: response.id, body: 'Can we meet Tuesday?' })).toEqual({
			ok: true
		});
		// A post without JavaScript (the page's form action calls the same service) is announced too.
		await postThreadMessage(db, actorOf(hospital.staff), response.id, 'Tuesday 3 pm works.');
		await eventually(() => threads.heard.length === 2);
		await threads.stop();
		const stored = await db
			.selectFrom('need_response_messages')
			.select(['id', 'body'])
			.where('response_id', '=', response.id)
			.orderBy('created_at')
			.execute();
		expect(threads.heard).toEqual(stored.map((m) => ({ messageId: m.id, responseId: response.id })));
		expect(stored.map((m) => m.body)).toEqual(['Can we meet Tuesday?', 'Tuesday 3 pm works.']);
		expect(await countUnreadInThread(db, response.id, alpha.member.id)).toBe(1);
		// Joining again only listens; reading is the explicit 'needs:read'.
		expect(await company.handlers.join({ responseId: response.id })).toEqual({ ok: true });
		expect(await countUnreadInThread(db, response.id, alpha.member.id)).toBe(1);
		await company.handlers.read({ responseId: response.id });
		expect(await countUnreadInThread(db, response.id, alpha.member.id)).toBe(0);
	});
});
