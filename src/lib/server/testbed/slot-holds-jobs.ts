// Holds on the job runner: a sweep every minute (lapsed holds expire, the next in line gets the
// slot), and the same job queued at once by whatever frees time (a cancellation, a removed blackout).
import type { Executor } from '../db';
import type { RecurringJob } from '../jobs/runner';
import { enqueueJob } from '../jobs/repository';
import { offerAllFreedSlots } from './slot-holds';

export const SLOT_HOLDS_JOB = 'testbed.slot_holds';

/** Called inside the transaction that frees time: the job runs only if that transaction commits. */
export async function queueSlotOffers(db: Executor, resourceId: string) {
	await enqueueJob(db, { name: SLOT_HOLDS_JOB, payload: { resourceId }, maxAttempts: 3 });
}

export const slotHoldJobs: RecurringJob[] = [
	{
		name: SLOT_HOLDS_JOB,
		everySeconds: 60,
		handler: async ({ db, now, origin, logger }) => {
			const result = await offerAllFreedSlots(db, now, { ip: null, origin });
			if (result.expired.length || result.offered.length) logger?.info(result, 'slot holds moved on');
		}
	}
];
