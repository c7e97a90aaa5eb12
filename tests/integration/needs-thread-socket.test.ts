// The socket handlers of response threads: join and post only on one's own side, live to the room.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import type { DB } from '$lib/server/db';
import type { Database } from '$lib/server/db/connect';
import type { SessionUser } from '$lib/server/auth/session';
import type { ThreadMessage } from '$lib/realtime/events';
import { createThreadHandlers, responseRoom } from '$lib/server/realtime/needs-handlers';
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
	const sent: { room: string; message: ThreadMessage }[] = [];
	const sessionUser: SessionUser = { id: user.id, email: user.email, name: user.name, locale: 'en', timeZone: 'Asia/Seoul', isOperator: false, emailVerified: true };
	const handlers = createThreadHandlers(db, sessionUser, {
		join: (room) => void rooms.add(room),
		leave: (room) => void rooms.delete(room),
		rooms: () => rooms,
		broadcast: (room, message) => void sent.push({ room, message })
	});
	return { handlers, rooms, sent };
}

describe('needs thread socket handlers', () => {
	it('refuses another company, validates input, and delivers posts to the room', async () => {
		const hospital = await createHospital(db);
		const alpha = await createCompany(db);
		const beta = await createCompany(db);
		const need = await postNeed(db, hospital.staff);
		const response = await respondToNeed(db, actorOf(alpha.member), need.id, { message: 'Proposal', productIds: [] }, context);

		const intruder = fakeSocket(beta.owner);
		// The refusal speaks the user's language (English here), not the server's default.
		expect(await intruder.handlers.join({ responseId: response.id })).toMatchObject({ ok: false, error: { code: 'not_found', message: 'We could not find that page.' } });
		expect(intruder.rooms.size).toBe(0);
		expect(await intruder.handlers.post({ responseId: response.id, body: 'let me in' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
		expect(await intruder.handlers.join({ responseId: 'not-a-uuid' })).toMatchObject({ ok: false, error: { code: 'validation_failed' } });
		expect(await intruder.handlers.post({ responseId: response.id, body: '' })).toMatchObject({ ok: false, error: { code: 'validation_failed' } });

		const company = fakeSocket(alpha.member);
		const clinic = fakeSocket(hospital.staff);
		expect(await company.handlers.join({ responseId: response.id })).toEqual({ ok: true });
		expect(await clinic.handlers.join({ responseId: response.id })).toEqual({ ok: true });
		expect(await company.handlers.post({ responseId: response.id, body: 'Can we meet Tuesday?' })).toEqual({ ok: true });
		expect(company.sent).toEqual([{ room: responseRoom(response.id), message: expect.objectContaining({ body: 'Can we meet Tuesday?', authorId: alpha.member.id }) }]);
		expect(await countUnreadInThread(db, response.id, hospital.staff.id)).toBe(1);
		await clinic.handlers.read({ responseId: response.id });
		expect(await countUnreadInThread(db, response.id, hospital.staff.id)).toBe(0);
		const stored = await db.selectFrom('need_response_messages').select('body').where('response_id', '=', response.id).execute();
		expect(stored).toEqual([{ body: 'Can we meet Tuesday?' }]);
	});
});
