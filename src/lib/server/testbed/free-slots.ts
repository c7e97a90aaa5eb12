// Bookable start times inside free time (the free time itself: opening-calendar.ts).
import type { Interval } from './rules';
import { localParts } from '$lib/server/common/zoned-time';

/** Bookable start times in the free intervals where `minutes` fit, aligned to the slot grid. */
export function startTimesFitting(
	free: Interval[],
	minutes: number,
	slotMinutes: number,
	timeZone: string,
	limit: number
): Date[] {
	const starts: Date[] = [];
	const slotMs = slotMinutes * 60_000;
	for (const interval of free) {
		const offset = localParts(interval.start, timeZone).minutes % slotMinutes;
		let start = interval.start.getTime() + (offset ? slotMs - offset * 60_000 : 0);
		start -= start % 60_000;
		for (; start + minutes * 60_000 <= interval.end.getTime() && starts.length < limit; start += slotMs)
			starts.push(new Date(start));
		if (starts.length >= limit) break;
	}
	return starts;
}
