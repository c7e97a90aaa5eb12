// Queries of the job table. Claims are one short statement each: rows another worker holds are
// skipped (FOR UPDATE SKIP LOCKED), and a claim whose lease ran out (a crashed worker) is taken over.
import { sql } from 'kysely';
import type { Executor } from '../db';
import type { JobRow } from '../db/jobs-types';

export type NewJob = {
	name: string;
	/** Dedupe key: a second job with the same key is not queued. */
	key?: string;
	payload?: Record<string, unknown>;
	runAt?: Date;
	maxAttempts?: number;
	everySeconds?: number | null;
};

/** Queues a job unless one with the same key exists; returns the new row, or undefined for a duplicate. */
export function enqueueJob(db: Executor, job: NewJob): Promise<JobRow | undefined> {
	return db
		.insertInto('jobs')
		.values({
			name: job.name,
			key: job.key ?? `${job.name}:${crypto.randomUUID()}`,
			payload: JSON.stringify(job.payload ?? {}),
			run_at: job.runAt ?? new Date(),
			max_attempts: job.maxAttempts ?? 5,
			every_seconds: job.everySeconds ?? null
		})
		.onConflict((oc) => oc.column('key').doNothing())
		.returningAll()
		.executeTakeFirst();
}

/** Claims up to `limit` due jobs of the named kinds for `workerId` until `leaseMs` from now. */
export function claimDueJobs(
	db: Executor,
	workerId: string,
	names: string[],
	limit: number,
	now: Date,
	leaseMs: number
): Promise<JobRow[]> {
	if (names.length === 0) return Promise.resolve([]);
	return db
		.updateTable('jobs')
		.set({
			state: 'running',
			locked_by: workerId,
			locked_until: new Date(now.getTime() + leaseMs),
			attempts: sql`attempts + 1`,
			updated_at: now
		})
		.where('id', 'in', (eb) =>
			eb
				.selectFrom('jobs')
				.select('id')
				.where('name', 'in', names)
				.where((w) =>
					w.or([
						w.and([w('state', '=', 'queued'), w('run_at', '<=', now)]),
						w.and([w('state', '=', 'running'), w('locked_until', '<', now)])
					])
				)
				.orderBy('run_at')
				.limit(limit)
				.forUpdate()
				.skipLocked()
		)
		.returningAll()
		.execute();
}

/** Done: a one-off job is finished; a recurring one goes back to the queue for its next run. */
export async function completeJob(
	db: Executor,
	job: JobRow,
	workerId: string,
	now: Date,
	nextRunAt: Date | null
): Promise<boolean> {
	const result = await db
		.updateTable('jobs')
		.set(
			nextRunAt
				? {
						state: 'queued',
						run_at: nextRunAt,
						attempts: 0,
						locked_by: null,
						locked_until: null,
						last_error: null,
						done_at: now,
						updated_at: now
					}
				: { state: 'done', locked_by: null, locked_until: null, last_error: null, done_at: now, updated_at: now }
		)
		.where('id', '=', job.id)
		.where('locked_by', '=', workerId)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}

/** A failure: back to the queue at `retryAt`, or `failed` for good once attempts are used up. */
export async function failJob(
	db: Executor,
	job: JobRow,
	workerId: string,
	now: Date,
	error: string,
	retryAt: Date | null,
	options: { resetAttempts?: boolean } = {}
): Promise<void> {
	const queued = {
		state: 'queued' as const,
		run_at: retryAt ?? now,
		locked_by: null,
		locked_until: null,
		last_error: error,
		updated_at: now,
		...(options.resetAttempts ? { attempts: 0 } : {})
	};
	await db
		.updateTable('jobs')
		.set(
			retryAt
				? queued
				: { state: 'failed', locked_by: null, locked_until: null, last_error: error, done_at: now, updated_at: now }
		)
		.where('id', '=', job.id)
		.where('locked_by', '=', workerId)
		.execute();
}

export function findJobByKey(db: Executor, key: string) {
	return db.selectFrom('jobs').selectAll().where('key', '=', key).executeTakeFirst();
}
