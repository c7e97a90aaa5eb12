import { describe, expect, it } from 'vitest';
import { DatabaseUnavailableError, guardPool, isConnectionLoss } from './unavailable';

describe('isConnectionLoss', () => {
	it('recognises a refused socket, a terminated backend and pg’s own connection messages', () => {
		expect(
			isConnectionLoss(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5443'), { code: 'ECONNREFUSED' }))
		).toBe(true);
		expect(
			isConnectionLoss(
				Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' })
			)
		).toBe(true);
		expect(isConnectionLoss(Object.assign(new Error('the database system is starting up'), { code: '57P03' }))).toBe(
			true
		);
		expect(isConnectionLoss(Object.assign(new Error('connection failure'), { code: '08006' }))).toBe(true);
		expect(isConnectionLoss(new Error('Connection terminated unexpectedly'))).toBe(true);
		expect(isConnectionLoss(new Error('Client has encountered a connection error and is not queryable'))).toBe(true);
		expect(isConnectionLoss(new AggregateError([Object.assign(new Error('x'), { code: 'ECONNREFUSED' })]))).toBe(true);
	});

	it('leaves query errors alone: they are bugs or domain refusals, not outages', () => {
		expect(isConnectionLoss(Object.assign(new Error('duplicate key'), { code: '23505' }))).toBe(false);
		expect(
			isConnectionLoss(
				Object.assign(new Error('conflicting key value violates exclusion constraint'), { code: '23P01' })
			)
		).toBe(false);
		expect(isConnectionLoss(new Error('syntax error at or near "selec"'))).toBe(false);
		expect(isConnectionLoss(undefined)).toBe(false);
		expect(isConnectionLoss('ECONNREFUSED')).toBe(false);
	});
});

describe('guardPool', () => {
	const lost = () => Object.assign(new Error('Connection terminated unexpectedly'), {});
	const fakePool = (query: () => Promise<unknown>, connect?: () => Promise<never>) => {
		let released = 0;
		const client = { query, release: () => released++ };
		return { pool: { connect: connect ?? (async () => client), end: async () => {} }, released: () => released };
	};

	it('turns a lost connection during a query into a 503 domain error and passes other errors through', async () => {
		const { pool } = fakePool(() => Promise.reject(lost()));
		const client = await guardPool(pool).connect();
		const error = await client.query('select 1', []).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(DatabaseUnavailableError);
		expect(error).toMatchObject({ code: 'database_unavailable', status: 503 });

		const unique = Object.assign(new Error('duplicate key'), { code: '23505' });
		const other = await guardPool(fakePool(() => Promise.reject(unique)).pool).connect();
		await expect(other.query('insert', [])).rejects.toBe(unique);
	});

	it('turns a refused connect into the same error, and gives Kysely one wrapper per client', async () => {
		const refused = guardPool(
			fakePool(
				async () => ({}),
				() => Promise.reject(Object.assign(new Error('refused'), { code: 'ECONNREFUSED' }))
			).pool
		);
		await expect(refused.connect()).rejects.toBeInstanceOf(DatabaseUnavailableError);

		const { pool, released } = fakePool(async () => ({ rows: [] }));
		const guarded = guardPool(pool);
		const first = await guarded.connect();
		expect(await guarded.connect()).toBe(first);
		first.release();
		expect(released()).toBe(1);
	});
});
