// The periodic meetings job: unanswered requests expire seven days after they were made.
import type { RecurringJob } from '../jobs/runner';
import { expireMeetingRequests } from './service';

/** On the job runner (src/lib/server/jobs): every minute, on whichever node claims it. */
export const meetingsJobs: RecurringJob[] = [
	{
		name: 'meetings.expire_requests',
		everySeconds: 60,
		handler: async ({ db, now, origin, logger }) => {
			const expired = await expireMeetingRequests(db, now, origin);
			if (expired.length) logger?.info({ expired }, 'meeting requests expired');
		}
	}
];
