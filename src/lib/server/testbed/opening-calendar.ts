// Opening windows over a range as epoch milliseconds. The local days of a time zone are worked out
// once per call, and the windows once per (time zone, weekly pattern): fifty resources with the same
// hours cost one pass over the month, and no Date or Intl call per resource or per slot.
import type { OpeningHours } from './rules';
import { addDays, localParts, parseClock, zonedInstant } from '$lib/server/common/zoned-time';

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

/** A half-open stretch of time [start, end) in epoch milliseconds. */
export type Span = { start: number; end: number };

type LocalDay = { date: string; weekday: number; midnight: number; regular: boolean };

/** The local days touching [from, to]: their date, weekday and midnight, and whether they last 24 hours. */
function localDays(timeZone: string, from: Date, to: Date): LocalDay[] {
	const first = localParts(from, timeZone);
	const last = localParts(to, timeZone).date;
	const days: LocalDay[] = [];
	let date = first.date;
	let midnight = zonedInstant(date, 0, timeZone).getTime();
	// Bounded: at most one iteration per day of the range (plus one).
	for (let i = 0; date <= last && i < 400; i++) {
		const next = addDays(date, 1);
		const nextMidnight = zonedInstant(next, 0, timeZone).getTime();
		days.push({ date, weekday: (first.weekday + i) % 7, midnight, regular: nextMidnight - midnight === DAY_MS });
		date = next;
		midnight = nextMidnight;
	}
	return days;
}

/** Hours bucketed by weekday as minutes since midnight, sorted by opening time. */
function weeklyPattern(hours: OpeningHours[]): [number, number][][] {
	const byWeekday: [number, number][][] = [[], [], [], [], [], [], []];
	for (const h of hours) byWeekday[h.weekday]?.push([parseClock(h.opens), parseClock(h.closes)]);
	for (const day of byWeekday) day.sort((a, b) => a[0] - b[0]);
	return byWeekday;
}

const patternKey = (pattern: [number, number][][]) =>
	pattern.map((day) => day.map(([o, c]) => `${o}-${c}`).join(',')).join('|');

export type OpeningCalendar = { windows(timeZone: string, hours: OpeningHours[]): Span[] };

/** Windows of the local days touching [from, to], unclipped and sorted; shared between resources. */
export function createOpeningCalendar(from: Date, to: Date): OpeningCalendar {
	const daysByZone = new Map<string, LocalDay[]>();
	const windowsByKey = new Map<string, Span[]>();
	return {
		windows(timeZone, hours) {
			const pattern = weeklyPattern(hours);
			const key = `${timeZone}#${patternKey(pattern)}`;
			let windows = windowsByKey.get(key);
			if (windows) return windows;
			let days = daysByZone.get(timeZone);
			if (!days) daysByZone.set(timeZone, (days = localDays(timeZone, from, to)));
			windows = [];
			for (const day of days) {
				for (const [opens, closes] of pattern[day.weekday]) {
					// Only a day with an offset change (daylight saving) needs the slow, exact conversion.
					const at = (minutes: number) =>
						day.regular ? day.midnight + minutes * MINUTE_MS : zonedInstant(day.date, minutes, timeZone).getTime();
					windows.push({ start: at(opens), end: at(closes) });
				}
			}
			windowsByKey.set(key, windows);
			return windows;
		}
	};
}

/**
 * Sorted `windows`, clipped to [earliest, latest), minus `taken` (sorted by start, may overlap).
 * One linear sweep: O(windows + taken).
 */
export function freeSpans(windows: Span[], earliest: number, latest: number, taken: Span[]): Span[] {
	const free: Span[] = [];
	let first = 0;
	for (const window of windows) {
		if (window.end <= earliest) continue;
		if (window.start >= latest) break;
		const start = Math.max(window.start, earliest);
		const end = Math.min(window.end, latest);
		if (start >= end) continue;
		// Taken spans that ended before this window cannot touch any later window either.
		while (first < taken.length && taken[first].end <= start) first++;
		let cursor = start;
		for (let i = first; i < taken.length && taken[i].start < end && cursor < end; i++) {
			const t = taken[i];
			if (t.end <= cursor) continue;
			if (t.start > cursor) free.push({ start: cursor, end: t.start });
			cursor = t.end;
		}
		if (cursor < end) free.push({ start: cursor, end });
	}
	return free;
}
