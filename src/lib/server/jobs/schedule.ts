// When a job runs next: retries back off exponentially; recurring jobs keep their phase (a weekly job
// queued for Monday 09:00 stays on Mondays 09:00), skipping runs missed while no node was up.

const BASE_BACKOFF_MS = 30_000;
const MAX_BACKOFF_MS = 60 * 60_000;

/** 30 s, 1 min, 2 min, … capped at an hour, after the `attempts`-th failure (1-based). */
export function backoffMs(attempts: number): number {
	return Math.min(MAX_BACKOFF_MS, BASE_BACKOFF_MS * 2 ** Math.max(0, attempts - 1));
}

/** The first run time after `now` on the grid `previous + k × everySeconds`. */
export function nextRecurrence(previous: Date, everySeconds: number, now: Date): Date {
	const step = everySeconds * 1000;
	const behind = Math.max(0, now.getTime() - previous.getTime());
	const k = Math.floor(behind / step) + 1;
	return new Date(previous.getTime() + k * step);
}

/** The next `weekday` (0 = Sunday) at `hour`:00 UTC at or after `now`. */
export function nextWeekdayUtc(now: Date, weekday: number, hour: number): Date {
	const at = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), hour));
	const days = (weekday - at.getUTCDay() + 7) % 7;
	at.setUTCDate(at.getUTCDate() + days);
	if (at < now) at.setUTCDate(at.getUTCDate() + 7);
	return at;
}
