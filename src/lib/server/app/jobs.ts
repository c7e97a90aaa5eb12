// The portal's background jobs on the runner: the periodic domain jobs, reminders and the weekly
// needs digest. Every node starts a runner; the schedules are queued once for all of them.
import type { Runtime } from '../runtime';
import { testbedJobs } from '../testbed/jobs';
import { slotHoldJobs } from '../testbed/slot-holds-jobs';
import { coursesJobs } from '../courses/jobs';
import { meetingsJobs } from '../meetings/jobs';
import { reminderJobs } from '../reminders/jobs';
import { digestJobs } from '../needs/digest';
import { recordingJobs } from '../ir/recording/jobs';
import { recordingDeps } from '../ir/recording/deps';
import { deckHandlers } from '../ir/deck/jobs';
import { retentionJobs } from '../privacy/retention';
import { createJobRunner, scheduleRecurring, type RecurringJob } from '../jobs/runner';

export const appJobs: RecurringJob[] = [
	...testbedJobs,
	...slotHoldJobs,
	...coursesJobs,
	...meetingsJobs,
	...reminderJobs,
	...digestJobs
];

export async function startJobs(runtime: Runtime): Promise<() => Promise<void>> {
	const db = runtime.database.db;
	// IR recordings (issue #14): their schedules plus the one-off processing job.
	const recording = recordingJobs(recordingDeps(runtime));
	const jobs = [
		...appJobs,
		...recording.recurring,
		...retentionJobs({ irChatRetentionDays: runtime.config.IR_CHAT_RETENTION_DAYS })
	];
	await scheduleRecurring(db, jobs);
	const origin = process.env.ORIGIN ?? `http://localhost:${process.env.PORT ?? 3000}`;
	const runner = createJobRunner({
		db,
		origin,
		logger: runtime.logger,
		handlers: {
			...Object.fromEntries(jobs.map((job) => [job.name, job.handler])),
			...recording.handlers,
			...deckHandlers
		}
	});
	runtime.logger.info({ workerId: runner.workerId, jobs: jobs.map((job) => job.name) }, 'job runner started');
	return runner.start();
}
