// The periodic meetings job: unanswered requests expire seven days after they were made.
import type { Runtime } from '../runtime';
import { expireMeetingRequests } from './service';

const INTERVAL_MS = 60_000;

export function startMeetingsWorker(runtime: Runtime): () => Promise<void> {
	let stopped = false;
	let running: Promise<unknown> = Promise.resolve();
	const timer = setInterval(() => {
		if (stopped) return;
		running = running
			.then(() => expireMeetingRequests(runtime.database.db, new Date()))
			.then((expired) => {
				if (expired.length) runtime.logger.info({ expired }, 'meeting requests expired');
			})
			.catch((error) => runtime.logger.error({ err: error }, 'meetings worker failed'));
	}, INTERVAL_MS);
	return async () => {
		stopped = true;
		clearInterval(timer);
		await running;
	};
}
