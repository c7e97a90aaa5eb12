// Recording's background work on the job runner: processing (one job per stopped recording), the
// sweep that stops recordings of sessions that ended, and retention.
import type { JobHandler, RecurringJob } from '../../jobs/runner';
import type { RecordingDeps } from './deps';
import { deleteExpiredRecordings } from './manage';
import { processRecording } from './process';
import { PROCESS_JOB, resumeRecordings, stopOrphanedRecordings } from './service';

export function recordingJobs(deps: RecordingDeps): {
	recurring: RecurringJob[];
	handlers: Record<string, JobHandler>;
} {
	return {
		recurring: [
			{
				name: 'ir.recordings_sweep',
				everySeconds: 60,
				handler: async ({ db, now }) => ({
					stopped: await stopOrphanedRecordings(db, deps, now),
					resumed: await resumeRecordings(db, deps)
				})
			},
			{
				name: 'ir.recordings_retention',
				everySeconds: 3600,
				handler: ({ db, now }) => deleteExpiredRecordings(db, deps, now)
			}
		],
		handlers: { [PROCESS_JOB]: (context) => processRecording(deps, context) }
	};
}
