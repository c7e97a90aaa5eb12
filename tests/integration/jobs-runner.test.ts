// The job runner on PostgreSQL (and PGlite): due jobs run once even with two runners claiming at the
// same time, failures retry with backoff, recurring jobs come back on their grid, keys dedupe, and a
// crashed claim is taken over after its lease.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import type { DB } from '$lib/server/db';
import type { Database } from '$lib/server/db/connect';
import { claimDueJobs, enqueueJob, findJobByKey } from '$lib/server/jobs/repository';
import { createJobRunner, recurringKey, scheduleRecurring, type JobHandler } from '$lib/server/jobs/runner';
import { backoffMs, nextRecurrence, nextWeekdayUtc } from '$lib/server/jobs/schedule';
import { createTestDatabase } from './support/database';

let database: Database;
let db: Kysely<DB>;

beforeAll(async () => {
	database = await createTestDatabase();
	db = database.db;
});
afterAll(() => database.close());

const ORIGIN = 'http://127.0.0.1:3000';
const NOW = new Date('2026-03-02T00:00:00Z');
const later = (ms: number) => new Date(NOW.getTime() + ms);
const runner = (handlers: Record<string, JobHandler>, workerId: string) =>
	createJobRunner({ db, handlers, origin: ORIGIN, workerId, batch: 3 });

describe('job runner', () => {
	it('runs each due job exactly once with two runners claiming concurrently', async () => {
		const name = `count-${crypto.randomUUID()}`;
		for (let i = 0; i < 24; i++) await enqueueJob(db, { name, key: `${name}:${i}`, payload: { i }, runAt: NOW });
		await enqueueJob(db, { name, key: `${name}:future`, runAt: later(3_600_000) });
		const seen: number[] = [];
		const handler: JobHandler = async ({ job }) => {
			await new Promise((resolve) => setTimeout(resolve, 2));
			seen.push(job.payload.i as number);
		};
		const [a, b] = await Promise.all([
			runner({ [name]: handler }, 'node-a').runDue(NOW),
			runner({ [name]: handler }, 'node-b').runDue(NOW)
		]);
		expect(a.done.length + b.done.length).toBe(24);
		expect(seen.sort((x, y) => x - y)).toEqual(Array.from({ length: 24 }, (_, i) => i));
		const states = await db.selectFrom('jobs').select(['state', 'locked_by']).where('name', '=', name).execute();
		expect(states.filter((s) => s.state === 'done')).toHaveLength(24);
		expect(states.filter((s) => s.state === 'queued')).toHaveLength(1);
		expect(states.every((s) => s.locked_by === null)).toBe(true);
	});

	it('drops a second job with the same key', async () => {
		const key = `dedupe-${crypto.randomUUID()}`;
		expect(await enqueueJob(db, { name: 'x', key, runAt: NOW })).toBeDefined();
		expect(await enqueueJob(db, { name: 'x', key, runAt: NOW })).toBeUndefined();
		expect(await db.selectFrom('jobs').select('id').where('key', '=', key).execute()).toHaveLength(1);
	});

	it('retries a failing job with growing backoff, then gives up', async () => {
		const name = `flaky-${crypto.randomUUID()}`;
		const key = `${name}:1`;
		await enqueueJob(db, { name, key, runAt: NOW, maxAttempts: 3 });
		let calls = 0;
		const flaky = runner(
			{
				[name]: async () => {
					calls += 1;
					throw new Error('SMTP down');
				}
			},
			'node-a'
		);

		expect((await flaky.runDue(NOW)).failed).toHaveLength(1);
		let job = (await findJobByKey(db, key))!;
		expect(job).toMatchObject({ state: 'queued', attempts: 1, locked_by: null });
		expect(job.last_error).toContain('SMTP down');
		expect(job.run_at.getTime()).toBe(NOW.getTime() + backoffMs(1));
		// Not due again before its backoff.
		expect((await flaky.runDue(later(backoffMs(1) - 1000))).failed).toHaveLength(0);

		await flaky.runDue(later(backoffMs(1)));
		job = (await findJobByKey(db, key))!;
		expect(job.attempts).toBe(2);
		expect(job.run_at.getTime()).toBe(later(backoffMs(1)).getTime() + backoffMs(2));
		expect(backoffMs(2)).toBeGreaterThan(backoffMs(1));

		await flaky.runDue(later(10 * 3_600_000));
		job = (await findJobByKey(db, key))!;
		expect(job.state).toBe('failed');
		expect(calls).toBe(3);
		expect((await flaky.runDue(later(20 * 3_600_000))).failed).toHaveLength(0);
	});

	it('runs a job that succeeds after a failure once more, then never again', async () => {
		const name = `recover-${crypto.randomUUID()}`;
		await enqueueJob(db, { name, key: `${name}:1`, runAt: NOW });
		let calls = 0;
		const recovering = runner(
			{
				[name]: async () => {
					calls += 1;
					if (calls === 1) throw new Error('first try fails');
				}
			},
			'node-a'
		);
		await recovering.runDue(NOW);
		await recovering.runDue(later(backoffMs(1)));
		await recovering.runDue(later(3_600_000));
		expect(calls).toBe(2);
		expect((await findJobByKey(db, `${name}:1`))!.state).toBe('done');
	});

	it('keeps a recurring schedule on its grid and queues it once however often it is scheduled', async () => {
		const name = `tick-${crypto.randomUUID()}`;
		let runs = 0;
		const job = {
			name,
			everySeconds: 60,
			handler: async () => {
				runs += 1;
			}
		};
		await scheduleRecurring(db, [job], NOW);
		await scheduleRecurring(db, [job], later(5_000));
		expect(await db.selectFrom('jobs').select('id').where('name', '=', name).execute()).toHaveLength(1);

		const tick = runner({ [name]: job.handler }, 'node-a');
		await tick.runDue(NOW);
		expect(runs).toBe(1);
		let row = (await findJobByKey(db, recurringKey(name)))!;
		expect(row.state).toBe('queued');
		expect(row.run_at.getTime()).toBeGreaterThan(Date.now() - 1000);
		// Simulate a node that was down for a while: the next run lands on the grid after "now".
		await db.updateTable('jobs').set({ run_at: NOW }).where('id', '=', row.id).execute();
		await tick.runDue(later(150_000));
		expect(runs).toBe(2);
		row = (await findJobByKey(db, recurringKey(name)))!;
		expect((row.run_at.getTime() - NOW.getTime()) % 60_000).toBe(0);
		expect(nextRecurrence(NOW, 60, later(150_000)).getTime()).toBe(later(180_000).getTime());
		expect(nextWeekdayUtc(new Date('2026-03-04T12:00:00Z'), 1, 0).toISOString()).toBe('2026-03-09T00:00:00.000Z');
	});

	it('takes over a claim whose worker died once its lease has run out', async () => {
		const name = `orphan-${crypto.randomUUID()}`;
		await enqueueJob(db, { name, key: `${name}:1`, runAt: NOW });
		const [claimed] = await claimDueJobs(db, 'dead-node', [name], 10, NOW, 60_000);
		expect(claimed.name).toBe(name);
		let runs = 0;
		const survivor = runner(
			{
				[name]: async () => {
					runs += 1;
				}
			},
			'node-b'
		);
		await survivor.runDue(later(30_000));
		expect(runs).toBe(0);
		await survivor.runDue(later(61_000));
		expect(runs).toBe(1);
		expect((await findJobByKey(db, `${name}:1`))!).toMatchObject({ state: 'done', attempts: 2 });
	});
});
