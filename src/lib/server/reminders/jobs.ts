// Reminders on the job runner: every minute, whichever node claims the run sends what is due.
import type { RecurringJob } from '../jobs/runner';
import { sendDueReminders } from './service';
import { sendDueRenewals } from './renewals';

export const reminderJobs: RecurringJob[] = [
	{
		name: 'reminders.send',
		everySeconds: 60,
		handler: async ({ db, now, origin, logger }) => {
			const sent = await sendDueReminders(db, now, origin);
			if (sent.length) logger?.info({ reminders: sent.length }, 'reminders sent');
		}
	},
	{
		name: 'reminders.renewals',
		everySeconds: 3600,
		handler: async ({ db, now, origin, logger }) => {
			const sent = await sendDueRenewals(db, now, origin);
			if (sent.length) logger?.info({ renewals: sent.length }, 'credential renewal reminders sent');
		}
	}
];
