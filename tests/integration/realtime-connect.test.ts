// Nothing a client sends on connect may stop the process: malformed, oversized and duplicated session
// cookies over both transports, a database that is down or fails under an open socket, and sessions
// that end while their sockets are open (they are disconnected).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { DB } from '$lib/server/db';
import type { Database } from '$lib/server/db/connect';
import { createSession, invalidateSession, invalidateUserSessions, SESSION_COOKIE } from '$lib/server/auth/session';
import { setUserDisabled } from '$lib/server/auth/service';
import { createTestDatabase } from './support/database';
import { createOperator, createUser } from '../factories';
import { breakableDb, disconnected, startRealtimeServer, type Transport } from './realtime-support';

let database: Database;
let server: Awaited<ReturnType<typeof startRealtimeServer>>;
// What would stop a production process (Node exits on both); the last test expects none.
const escaped: unknown[] = [];
const recordEscape = (error: unknown) => void escaped.push(error);

beforeAll(async () => {
	process.on('unhandledRejection', recordEscape);
	process.on('uncaughtException', recordEscape);
	database = await createTestDatabase();
	server = await startRealtimeServer(database);
});
afterAll(async () => {
	process.off('unhandledRejection', recordEscape);
	process.off('uncaughtException', recordEscape);
	await server?.close();
	await database.close();
});

const signedIn = async (userId: string) =>
	`${SESSION_COOKIE}=${(await createSession(database.db, userId)).token}; PARAGLIDE_LOCALE=en`;

describe('socket connect with bad cookies', () => {
	const cookies: Record<string, string> = {
		'malformed %-escape': `${SESSION_COOKIE}=%E0%A4%A`,
		'malformed escape in another cookie': `PARAGLIDE_LOCALE=%E0%A4%A; ${SESSION_COOKIE}=%ZZ`,
		'NUL and control bytes': `${SESSION_COOKIE}=abcdefgh.${'a'.repeat(20)}%00%1b`,
		'large (8 KB) value': `${SESSION_COOKIE}=${'x'.repeat(8 * 1024)}`,
		'oversized (over the header limit)': `${SESSION_COOKIE}=${'x'.repeat(20 * 1024)}`,
		duplicated: `${SESSION_COOKIE}=a.b; ${SESSION_COOKIE}=%E0%A4%A; ${SESSION_COOKIE}=`,
		'no value': `${SESSION_COOKIE}`
	};
	for (const transport of ['polling', 'websocket'] as Transport[]) {
		for (const [name, cookie] of Object.entries(cookies)) {
			it(`refuses ${name} over ${transport} with connect_error`, async () => {
				const outcome = await server.connect(cookie, transport);
				expect(outcome.connected).toBe(false);
			});
		}
	}

	it('answers the unauthenticated code in the cookie’s language, and still admits a good session afterwards', async () => {
		const refused = await server.connect(`PARAGLIDE_LOCALE=en; ${SESSION_COOKIE}=%E0%A4%A`, 'polling');
		expect(refused).toMatchObject({
			connected: false,
			data: { code: 'unauthenticated', message: 'Please sign in first.' }
		});
		const user = await createUser(database.db);
		for (const transport of ['polling', 'websocket'] as Transport[])
			expect((await server.connect(await signedIn(user.id), transport)).connected).toBe(true);
	});
});

describe('socket connect while the database is down', () => {
	it('answers a translated connect_error that a browser retries, and the process stays up', async () => {
		// Nothing listens on this port (in this engineer's range): every query fails to connect.
		const down = new Kysely<DB>({
			dialect: new PostgresDialect({
				pool: new pg.Pool({
					host: '127.0.0.1',
					port: 5119,
					user: 'postgres',
					database: 'postgres',
					connectionTimeoutMillis: 2000
				})
			})
		});
		const broken = await startRealtimeServer(database, down);
		try {
			const user = await createUser(database.db);
			const outcome = await broken.connect(await signedIn(user.id), 'polling');
			expect(outcome).toMatchObject({
				connected: false,
				data: { code: 'unavailable', message: 'The service is briefly unavailable. We will reconnect shortly.' }
			});
		} finally {
			await broken.close();
			await down.destroy();
		}
	});
});

describe('a failing database under an open socket', () => {
	it('acks notifications:mark_read with a translated error instead of crashing, and works again after', async () => {
		const { db, state } = breakableDb(database.db);
		const flaky = await startRealtimeServer(database, db);
		try {
			const user = await createUser(database.db);
			const outcome = await flaky.connect(await signedIn(user.id));
			if (!outcome.connected) throw new Error(outcome.message);
			state.broken = true;
			const failed = await outcome.socket.timeout(5000).emitWithAck('notifications:mark_read', { all: true });
			expect(failed).toEqual({
				ok: false,
				error: { code: 'internal', message: 'Something went wrong on our side. Please try again shortly.' }
			});
			state.broken = false;
			expect(await outcome.socket.timeout(5000).emitWithAck('notifications:mark_read', { all: true })).toEqual({
				ok: true
			});
		} finally {
			state.broken = false;
			await flaky.close();
		}
	});
});

describe('ended sessions close their sockets', () => {
	it('disconnects the signed-out session’s socket and keeps the same user’s other session', async () => {
		const user = await createUser(database.db);
		const { token, session } = await createSession(database.db, user.id);
		const leaving = await server.connect(`${SESSION_COOKIE}=${token}`);
		const staying = await server.connect(await signedIn(user.id));
		if (!leaving.connected || !staying.connected) throw new Error('not connected');
		const gone = disconnected(leaving.socket);
		await invalidateSession(database.db, session.id);
		expect(await gone).toBe('io server disconnect');
		expect(staying.socket.connected).toBe(true);
		// The same cookie is refused from now on.
		expect((await server.connect(`${SESSION_COOKIE}=${token}`)).connected).toBe(false);
	});

	it('disconnects every socket of the user on sign-out everywhere, only once the transaction commits', async () => {
		const user = await createUser(database.db);
		const sockets = await Promise.all([
			server.connect(await signedIn(user.id)),
			server.connect(await signedIn(user.id), 'polling')
		]);
		const other = await server.connect(await signedIn((await createUser(database.db)).id));
		// A rolled-back sign-out leaves the sockets alone.
		await database.db
			.transaction()
			.execute(async (trx) => {
				await invalidateUserSessions(trx, user.id);
				throw new Error('rolled back');
			})
			.catch(() => {});
		const gone = sockets.map((s) =>
			s.connected ? disconnected(s.socket) : Promise.reject(new Error('not connected'))
		);
		await database.db.transaction().execute((trx) => invalidateUserSessions(trx, user.id));
		expect(await Promise.all(gone)).toEqual(['io server disconnect', 'io server disconnect']);
		expect(other.connected && other.socket.connected).toBe(true);
	});

	it('disconnects a user the operator disables', async () => {
		const operator = await createOperator(database.db);
		const user = await createUser(database.db);
		const outcome = await server.connect(await signedIn(user.id));
		if (!outcome.connected) throw new Error(outcome.message);
		const gone = disconnected(outcome.socket);
		await setUserDisabled(database.db, operator.id, user.id, true, null);
		expect(await gone).toBe('io server disconnect');
	});
});

describe('the process', () => {
	it('saw no unhandled rejection or uncaught exception in all of the above', () => {
		expect(escaped).toEqual([]);
	});
});
