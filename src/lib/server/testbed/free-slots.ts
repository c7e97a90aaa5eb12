// Free time of a resource: its opening windows, minus blackouts and active bookings.
import type { BookingRules, Interval } from './rules';
import { addDays, localParts, parseClock, zonedInstant } from './zoned-time';

/** Opening windows of every local day touching [from, to), as instants, clipped to the range. */
export function openingWindows(rules: Pick<BookingRules, 'timeZone' | 'hours'>, from: Date, to: Date): Interval[] {
	const windows: Interval[] = [];
	const lastDate = localParts(to, rules.timeZone).date;
	// Bounded: at most one iteration per day of the range (plus one).
	for (let date = localParts(from, rules.timeZone).date, guard = 0; date <= lastDate && guard < 400; date = addDays(date, 1), guard++) {
		const weekday = new Date(`${date}T12:00:00Z`).getUTCDay();
		for (const h of rules.hours.filter((hour) => hour.weekday === weekday).sort((a, b) => a.opens.localeCompare(b.opens))) {
			const start = zonedInstant(date, parseClock(h.opens), rules.timeZone);
			const end = zonedInstant(date, parseClock(h.closes), rules.timeZone);
			const clipped = { start: start < from ? from : start, end: end > to ? to : end };
			if (clipped.start < clipped.end) windows.push(clipped);
		}
	}
	return windows;
}

/** `windows` minus every interval of `taken` (both sorted or not); the result is sorted. */
export function subtractIntervals(windows: Interval[], taken: Interval[]): Interval[] {
	const busy = [...taken].sort((a, b) => a.start.getTime() - b.start.getTime());
	const free: Interval[] = [];
	for (const window of [...windows].sort((a, b) => a.start.getTime() - b.start.getTime())) {
		let cursor = window.start;
		for (const b of busy) {
			if (b.end <= cursor || b.start >= window.end) continue;
			if (b.start > cursor) free.push({ start: cursor, end: b.start });
			if (b.end > cursor) cursor = b.end;
		}
		if (cursor < window.end) free.push({ start: cursor, end: window.end });
	}
	return free;
}

/** Bookable start times in the free intervals where `minutes` fit, aligned to the slot grid. */
export function startTimesFitting(free: Interval[], minutes: number, slotMinutes: number, timeZone: string, limit: number): Date[] {
	const starts: Date[] = [];
	const slotMs = slotMinutes * 60_000;
	for (const interval of free) {
		const offset = localParts(interval.start, timeZone).minutes % slotMinutes;
		let start = interval.start.getTime() + (offset ? slotMs - offset * 60_000 : 0);
		start -= start % 60_000;
		for (; start + minutes * 60_000 <= interval.end.getTime() && starts.length < limit; start += slotMs) starts.push(new Date(start));
		if (starts.length >= limit) break;
	}
	return starts;
}
