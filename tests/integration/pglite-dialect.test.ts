// The embedded PGlite dialect (PGlitePool) behaves like PostgreSQL where the app relies on it:
// transactions, serialisation, affected-row counts, SQLSTATE errors and LISTEN/NOTIFY.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { sql, type Kysely } from 'kysely';
import { PGlite } from '@electric-sql/pglite';
import { openDatabase, type Database } from '$lib/server/db/connect';
import { PGlitePool } from '$lib/server/db/pglite-pool';
import { isExclusionViolation, isUniqueViolation, SQLSTATE } from '$lib/server/db/errors';
import { createTestDatabase } from './support/database';

type Backend = { name: string; open: () => Promise<Database> };

async function openPGlite(): Promise<Database> {
	const database = await openDatabase({});
	await sql`create extension if not exists btree_gist`.execute(database.db);
	return database;
}

const backends: Backend[] = [{ name: 'pglite', open: openPGlite }];
if (process.env.DATABASE_URL) backends.push({ name: 'postgres', open: createTestDatabase });

/** A one-row counter table, named after the test that uses it. */
async function createCounter(db: Kysely<any>, table: string): Promise<void> {
	await sql`create table ${sql.table(table)} (id int primary key, value int not null)`.execute(db);
	await sql`insert into ${sql.table(table)} (id, value) values (1, 0)`.execute(db);
}

async function counterValue(db: Kysely<any>, table: string): Promise<number> {
	const row = await db.selectFrom(table).select('value').where('id', '=', 1).executeTakeFirstOrThrow();
	return row.value as number;
}

/** Lets other queued work (promises, I/O callbacks) run, to give interleaving every chance to happen. */
async function yieldToEventLoop(times = 5): Promise<void> {
	for (let i = 0; i < times; i++) await new Promise((resolve) => setImmediate(resolve));
}

function caught(promise: Promise<unknown>): Promise<unknown> {
	return promise.then(
		() => {
			throw new Error('expected the query to fail');
		},
		(error: unknown) => error
	);
}

/** Collects payloads and lets a test await the arrival of a given one. */
function collector() {
	const received: string[] = [];
	const waiters: Array<{ payload: string; resolve: () => void }> = [];
	return {
		received,
		push(payload: string) {
			received.push(payload);
			for (const waiter of waiters.filter((w) => w.payload === payload)) waiter.resolve();
		},
		arrival(payload: string): Promise<void> {
			if (received.includes(payload)) return Promise.resolve();
			return new Promise((resolve) => waiters.push({ payload, resolve }));
		}
	};
}

describe('PGlite transactions', () => {
	let database: Database;
	let db: Kysely<any>;

	beforeAll(async () => {
		database = await openPGlite();
		db = database.db;
	});
	afterAll(() => database.close());

	it('commits a transaction', async () => {
		await createCounter(db, 'commit_counter');
		await db.transaction().execute(async (trx) => {
			await trx.updateTable('commit_counter').set({ value: 7 }).where('id', '=', 1).execute();
		});
		expect(await counterValue(db, 'commit_counter')).toBe(7);
	});

	it('rolls back a transaction that throws', async () => {
		await createCounter(db, 'rollback_counter');
		const failure = db.transaction().execute(async (trx) => {
			await trx.updateTable('rollback_counter').set({ value: 7 }).where('id', '=', 1).execute();
			await trx.insertInto('rollback_counter').values({ id: 2, value: 1 }).execute();
			throw new Error('boom');
		});
		await expect(failure).rejects.toThrow('boom');
		expect(await counterValue(db, 'rollback_counter')).toBe(0);
		const rows = await db.selectFrom('rollback_counter').select('id').execute();
		expect(rows).toEqual([{ id: 1 }]);
		// The connection is usable again after the rollback.
		await db.transaction().execute((trx) => trx.updateTable('rollback_counter').set({ value: 1 }).execute());
		expect(await counterValue(db, 'rollback_counter')).toBe(1);
	});

	it('serialises concurrent transactions: read-modify-write increments both land', async () => {
		await createCounter(db, 'serial_counter');
		const events: string[] = [];
		const increment = (name: string) =>
			db.transaction().execute(async (trx) => {
				events.push(`${name}:begin`);
				const { value } = await trx
					.selectFrom('serial_counter')
					.select('value')
					.where('id', '=', 1)
					.executeTakeFirstOrThrow();
				await yieldToEventLoop();
				await trx
					.updateTable('serial_counter')
					.set({ value: value + 1 })
					.where('id', '=', 1)
					.execute();
				events.push(`${name}:end`);
			});
		await Promise.all([increment('a'), increment('b')]);
		expect(await counterValue(db, 'serial_counter')).toBe(2);
		expect([events.slice(0, 2), events.slice(2)]).toEqual(
			events[0] === 'a:begin'
				? [
						['a:begin', 'a:end'],
						['b:begin', 'b:end']
					]
				: [
						['b:begin', 'b:end'],
						['a:begin', 'a:end']
					]
		);
	});

	it('runs plain queries issued during a transaction after it, not inside it', async () => {
		await createCounter(db, 'outside_counter');
		let reached!: () => void;
		const inside = new Promise<void>((resolve) => (reached = resolve));
		const transaction = db.transaction().execute(async (trx) => {
			await trx.updateTable('outside_counter').set({ value: 5 }).where('id', '=', 1).execute();
			reached();
			await yieldToEventLoop();
			throw new Error('roll back');
		});
		await inside;
		// Issued while the transaction is open: must neither see its write nor be rolled back with it.
		const outside = db.insertInto('outside_counter').values({ id: 2, value: 1 }).execute();
		await expect(transaction).rejects.toThrow('roll back');
		await outside;
		const rows = await db.selectFrom('outside_counter').select(['id', 'value']).orderBy('id').execute();
		expect(rows).toEqual([
			{ id: 1, value: 0 },
			{ id: 2, value: 1 }
		]);
	});

	// Known bug, reported to the lead: connect.ts calls pg.listen() past PGlitePool's queue, so a LISTEN
	// issued while a transaction is open runs inside it and is lost when that transaction rolls back.
	// When it is fixed this test passes and `.fails` must be dropped.
	it('keeps a LISTEN issued while another transaction is open', async () => {
		const channel = 'it_listen_during_trx';
		let release!: () => void;
		const gate = new Promise<void>((resolve) => (release = resolve));
		let entered!: () => void;
		const inside = new Promise<void>((resolve) => (entered = resolve));
		const transaction = db.transaction().execute(async (trx) => {
			await sql`select 1`.execute(trx);
			entered();
			await gate;
			throw new Error('roll back');
		});
		await inside;
		const payloads = collector();
		const listening = database.listen(channel, (payload) => payloads.push(payload));
		await yieldToEventLoop(20);
		release();
		await expect(transaction).rejects.toThrow('roll back');
		const stop = await listening;
		try {
			await sql`select pg_notify(${channel}, 'hello')`.execute(db);
			await sql`select 1`.execute(db);
			await yieldToEventLoop(20);
			expect(payloads.received).toEqual(['hello']);
		} finally {
			await stop();
		}
	});
});

describe('PGlitePool', () => {
	// Known bug, reported to the lead: a connect() that times out never frees its place in the queue,
	// so every later connect() times out too and the embedded database is wedged for good.
	// When it is fixed this test passes and `.fails` must be dropped.
	it('recovers after a connect() timed out', async () => {
		const pg = await PGlite.create('memory://');
		const pool = new PGlitePool(pg);
		vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
		try {
			const holder = await pool.connect();
			const waiting = pool.connect().catch((error: unknown) => error);
			await vi.advanceTimersByTimeAsync(30_000);
			expect(await waiting).toBeInstanceOf(Error);
			holder.release();
			// Once the holder is gone the next caller must get the connection, not wait out another timeout.
			const next = pool.connect().catch((error: unknown) => error);
			await vi.advanceTimersByTimeAsync(30_000);
			const client = await next;
			expect(client).not.toBeInstanceOf(Error);
			vi.useRealTimers();
			const connection = client as Awaited<ReturnType<PGlitePool['connect']>>;
			const result = await connection.query('select 1 as one', []);
			connection.release();
			expect(result.rows).toEqual([{ one: 1 }]);
		} finally {
			vi.useRealTimers();
			// Not pool.end(): it would wait forever on a wedged queue.
			await pg.close();
		}
	});

	it('hands out one client at a time, in order', async () => {
		const pool = new PGlitePool(await PGlite.create('memory://'));
		try {
			const order: string[] = [];
			const first = await pool.connect();
			const second = pool.connect().then((client) => {
				order.push('second');
				return client;
			});
			await yieldToEventLoop();
			expect(order).toEqual([]);
			order.push('first released');
			first.release();
			(await second).release();
			expect(order).toEqual(['first released', 'second']);
		} finally {
			await pool.end();
		}
	});
});

describe.each(backends)('$name backend', ({ open }) => {
	let database: Database;
	let db: Kysely<any>;

	beforeAll(async () => {
		database = await open();
		db = database.db;
	});
	afterAll(() => database.close());

	it('reports affected rows for insert, update and delete', async () => {
		await sql`create table affected_rows (id int primary key, flag boolean not null default false)`.execute(db);
		const inserted = await db
			.insertInto('affected_rows')
			.values([{ id: 1 }, { id: 2 }, { id: 3 }])
			.executeTakeFirst();
		expect(inserted.numInsertedOrUpdatedRows).toBe(3n);

		const updated = await db.updateTable('affected_rows').set({ flag: true }).where('id', '<=', 2).executeTakeFirst();
		expect(updated.numUpdatedRows).toBe(2n);
		const updatedNone = await db
			.updateTable('affected_rows')
			.set({ flag: true })
			.where('id', '>', 10)
			.executeTakeFirst();
		expect(updatedNone.numUpdatedRows).toBe(0n);

		const deleted = await db.deleteFrom('affected_rows').where('flag', '=', true).executeTakeFirst();
		expect(deleted.numDeletedRows).toBe(2n);
		const deletedNone = await db.deleteFrom('affected_rows').where('id', '=', 1).executeTakeFirst();
		expect(deletedNone.numDeletedRows).toBe(0n);

		const remaining = await db.selectFrom('affected_rows').select('id').execute();
		expect(remaining).toEqual([{ id: 3 }]);
	});

	it('surfaces a unique violation with its SQLSTATE and constraint', async () => {
		await sql`create table unique_things (id int primary key, name text not null constraint unique_things_name_key unique)`.execute(
			db
		);
		await db.insertInto('unique_things').values({ id: 1, name: 'a' }).execute();
		const error = await caught(db.insertInto('unique_things').values({ id: 2, name: 'a' }).execute());
		expect(error).toMatchObject({ code: SQLSTATE.uniqueViolation, constraint: 'unique_things_name_key' });
		expect(isUniqueViolation(error)).toBe(true);
		expect(isUniqueViolation(error, 'unique_things_name_key')).toBe(true);
		expect(isUniqueViolation(error, 'another_constraint')).toBe(false);
		expect(isExclusionViolation(error)).toBe(false);
	});

	it('surfaces an exclusion violation (23P01) on overlapping ranges', async () => {
		// One connection: a temporary table exists only in the session that made it.
		await db.connection().execute(async (connection) => {
			await sql`
				create temp table slots (
					k int not null,
					during tstzrange not null,
					constraint slots_no_overlap exclude using gist (k with =, during with &&)
				)`.execute(connection);
			await sql`insert into slots values (1, tstzrange('2026-01-01 09:00+09', '2026-01-01 10:00+09'))`.execute(
				connection
			);
			// Touching ranges and other keys do not conflict.
			await sql`insert into slots values (1, tstzrange('2026-01-01 10:00+09', '2026-01-01 11:00+09'))`.execute(
				connection
			);
			await sql`insert into slots values (2, tstzrange('2026-01-01 09:30+09', '2026-01-01 10:30+09'))`.execute(
				connection
			);
			const error = await caught(
				sql`insert into slots values (1, tstzrange('2026-01-01 09:30+09', '2026-01-01 10:30+09'))`.execute(connection)
			);
			expect(error).toMatchObject({ code: SQLSTATE.exclusionViolation, constraint: 'slots_no_overlap' });
			expect(isExclusionViolation(error)).toBe(true);
			expect(isExclusionViolation(error, 'slots_no_overlap')).toBe(true);
			expect(isExclusionViolation(error, 'other')).toBe(false);
			expect(isUniqueViolation(error)).toBe(false);
			const count = await sql<{ n: number }>`select count(*)::int as n from slots`.execute(connection);
			expect(count.rows[0].n).toBe(3);
		});
	});

	it('surfaces an error thrown inside a transaction after rolling it back', async () => {
		await sql`create table unique_in_trx (id int primary key)`.execute(db);
		await db.insertInto('unique_in_trx').values({ id: 1 }).execute();
		const error = await caught(
			db.transaction().execute(async (trx) => {
				await trx.insertInto('unique_in_trx').values({ id: 2 }).execute();
				await trx.insertInto('unique_in_trx').values({ id: 1 }).execute();
			})
		);
		expect(isUniqueViolation(error, 'unique_in_trx_pkey')).toBe(true);
		const rows = await db.selectFrom('unique_in_trx').select('id').execute();
		expect(rows).toEqual([{ id: 1 }]);
	});

	it('delivers a NOTIFY only after commit, and never after rollback', async () => {
		const channel = 'it_dialect_notify';
		const payloads = collector();
		const stop = await database.listen(channel, (payload) => payloads.push(payload));
		try {
			await db.transaction().execute(async (trx) => {
				await sql`select pg_notify(${channel}, 'committed')`.execute(trx);
				// A further round trip inside the transaction: still nothing may have arrived.
				await sql`select 1`.execute(trx);
				await yieldToEventLoop();
				expect(payloads.received).toEqual([]);
			});
			await payloads.arrival('committed');

			const rolledBack = db.transaction().execute(async (trx) => {
				await sql`select pg_notify(${channel}, 'rolled-back')`.execute(trx);
				throw new Error('roll back');
			});
			await expect(rolledBack).rejects.toThrow('roll back');
			// Notifications arrive in commit order: once this one is here, a delivered 'rolled-back' would be too.
			await sql`select pg_notify(${channel}, 'after')`.execute(db);
			await payloads.arrival('after');
			expect(payloads.received).toEqual(['committed', 'after']);
		} finally {
			await stop();
		}
	});
});
