// Calendar days in the viewer's time zone as instants, for date filters typed as YYYY-MM-DD.
import { dateTimeFormat } from '$lib/intl-cache';
const DAY_MS = 24 * 60 * 60 * 1000;

/** How far the zone's wall clock is ahead of UTC at this instant, in milliseconds. */
function zoneOffsetMs(instant: number, timeZone: string): number {
	const parts = dateTimeFormat('en-US', {
		timeZone,
		hourCycle: 'h23',
		year: 'numeric',
		month: 'numeric',
		day: 'numeric',
		hour: 'numeric',
		minute: 'numeric',
		second: 'numeric'
	}).formatToParts(new Date(instant));
	const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
	const wallClock = Date.UTC(
		part('year'),
		part('month') - 1,
		part('day'),
		part('hour'),
		part('minute'),
		part('second')
	);
	return wallClock - Math.floor(instant / 1000) * 1000;
}

/** The first instant of `day` (YYYY-MM-DD) in `timeZone`. */
export function startOfDay(day: string, timeZone: string): Date {
	const utcMidnight = Date.parse(`${day}T00:00:00Z`);
	// A second pass corrects the guess when the offset changes that day (daylight saving).
	const guess = utcMidnight - zoneOffsetMs(utcMidnight, timeZone);
	return new Date(utcMidnight - zoneOffsetMs(guess, timeZone));
}

/** The day after `day`, as YYYY-MM-DD. */
export function nextDay(day: string): string {
	return new Date(Date.parse(`${day}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
}
