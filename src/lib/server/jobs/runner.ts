// Runs due jobs: claim a batch in one short statement, run each handler outside any claim
// transaction (handlers open their own short transactions), then mark it done, requeue it for its
// next recurrence, or retry with backoff. The same code serves one PGlite process and many nodes.
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Kysely } from 'kysely';
import type { DB } from '../db';
import type { JobRow } from '../db/jobs-types';
import type { Logger } from '../logger';
import { isConnectionLoss } from '../db/unavailable';
import * as jobRepository from './repository';
import { backoffMs, nextRecurrence } from './schedule';

export type JobContext = { db: Kysely<DB>; job: JobRow; now: Date; origin: string; logger?: Logger };
export type JobHandler = (context: JobContext) => Promise<unknown>;

/** A schedule: the job named `name` runs every `everySeconds`, first at `firstRunAt(now)`. */
export type RecurringJob = {
	name: string;
	everySeconds: number;
	firstRunAt?: (now: Date) => Date;
	handler: JobHandler;
};

export type RunnerOptions = {
	db: Kysely<DB>;
	handlers: Record<string, JobHandler>;
	origin: string;
	logger?: Logger;
	workerId?: string;
	batch?: number;
	/** How long a claim holds before another worker may take the job over. */
	leaseMs?: number;
	pollMs?: number;
};

export const recurringKey = (name: string) => `recurring:${name}`;

/** Queues each schedule once (the dedupe key makes this a no-op on every later start and node). */
export async function scheduleRecurring(db: Kysely<DB>, jobs: RecurringJob[], now = new Date()): Promise<void> {
	for (const job of jobs) {
		await jobRepository.enqueueJob(db, {
			name: job.name,
			key: recurringKey(job.name),
			runAt: job.firstRunAt?.(now) ?? now,
			everySeconds: job.everySeconds,
			maxAttempts: 3
		});
	}
}

export function createJobRunner(options: RunnerOptions) {
	const workerId = options.workerId ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
	const leaseMs = options.leaseMs ?? 5 * 60_000;
	const batch = options.batch ?? 10;

	async function runJob(job: JobRow, now: Date): Promise<boolean> {
		const handler = options.handlers[job.name];
		try {
			if (!handler) throw new Error(`No handler for job ${job.name}`);
			await handler({ db: options.db, job, now, origin: options.origin, logger: options.logger });
			const next = job.every_seconds
				? nextRecurrence(job.run_at, job.every_seconds, new Date(Math.max(now.getTime(), Date.now())))
				: null;
			await jobRepository.completeJob(options.db, job, workerId, new Date(), next);
			return true;
		} catch (error) {
			const message = String(error instanceof Error ? (error.stack ?? error.message) : error).slice(0, 2000);
			options.logger?.warn({ err: error, job: job.name, jobId: job.id, attempts: job.attempts }, 'job failed');
			const exhausted = job.attempts >= job.max_attempts;
			if (job.every_seconds && exhausted) {
				// A recurring job never dies: after its retries it waits for its next regular run.
				await jobRepository.failJob(
					options.db,
					job,
					workerId,
					now,
					message,
					nextRecurrence(job.run_at, job.every_seconds, now),
					{ resetAttempts: true }
				);
			} else {
				await jobRepository.failJob(
					options.db,
					job,
					workerId,
					now,
					message,
					exhausted ? null : new Date(now.getTime() + backoffMs(job.attempts))
				);
			}
			return false;
		}
	}

	/** Claims and runs everything due at `now` (batch after batch); returns what ran. */
	async function runDue(now = new Date()): Promise<{ done: string[]; failed: string[] }> {
		const done: string[] = [];
		const failed: string[] = [];
		for (;;) {
			// Only kinds this node knows: during a rolling deploy, an older node leaves newer jobs alone.
			const jobs = await jobRepository.claimDueJobs(
				options.db,
				workerId,
				Object.keys(options.handlers),
				batch,
				now,
				leaseMs
			);
			for (const job of jobs) ((await runJob(job, now)) ? done : failed).push(job.id);
			if (jobs.length < batch) return { done, failed };
		}
	}

	/** Polls until stopped; the returned function waits for the run in progress. */
	function start(): () => Promise<void> {
		let stopped = false;
		let running: Promise<unknown> = Promise.resolve();
		const timer = setInterval(() => {
			if (stopped) return;
			running = running
				.then(() => (stopped ? undefined : runDue()))
				.catch((error) => {
					// The database being away is an outage to ride out (the next poll retries), not a bug.
					if (isConnectionLoss(error)) options.logger?.warn({ err: error }, 'job runner waiting for the database');
					else options.logger?.error({ err: error }, 'job runner failed');
				});
		}, options.pollMs ?? 5_000);
		return async () => {
			stopped = true;
			clearInterval(timer);
			await running;
		};
	}

	return { workerId, runDue, start };
}
