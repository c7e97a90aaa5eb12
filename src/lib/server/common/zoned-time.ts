// Wall-clock time in a named time zone ⇄ instants, with Intl only (the facility's hours are local).
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
	let f = formatters.get(timeZone);
	if (!f) {
		f = new Intl.DateTimeFormat('en-US', {
			timeZone,
			hourCycle: 'h23',
			year: 'numeric',
			month: '2-digit',
			day: '2-digit',
			hour: '2-digit',
			minute: '2-digit',
			second: '2-digit',
			weekday: 'short'
		});
		formatters.set(timeZone, f);
	}
	return f;
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

export type LocalParts = { date: string; minutes: number; weekday: number };

/** The local date (YYYY-MM-DD), minutes since local midnight and weekday (0 = Sunday) of an instant. */
export function localParts(instant: Date, timeZone: string): LocalParts {
	const parts = Object.fromEntries(
		formatter(timeZone)
			.formatToParts(instant)
			.map((p) => [p.type, p.value])
	);
	return {
		date: `${parts.year}-${parts.month}-${parts.day}`,
		minutes: Number(parts.hour) * 60 + Number(parts.minute),
		weekday: WEEKDAYS.indexOf(parts.weekday)
	};
}

function offsetMs(instant: Date, timeZone: string): number {
	const p = localParts(instant, timeZone);
	const [y, m, d] = p.date.split('-').map(Number);
	const asUtc = Date.UTC(y, m - 1, d, Math.floor(p.minutes / 60), p.minutes % 60, instant.getUTCSeconds());
	return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

/** The instant at which the clock in `timeZone` reads `date` + `minutes` (twice-checked across offset changes). */
function exactZonedInstant(date: string, minutes: number, timeZone: string): Date {
	const [y, m, d] = date.split('-').map(Number);
	const wall = Date.UTC(y, m - 1, d) + minutes * 60_000;
	let guess = wall - offsetMs(new Date(wall), timeZone);
	guess = wall - offsetMs(new Date(guess), timeZone);
	return new Date(guess);
}

/** `date` plus `days` calendar days, as YYYY-MM-DD. */
export function addDays(date: string, days: number): string {
	const [y, m, d] = date.split('-').map(Number);
	return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** The Monday on or before `date`. */
export function mondayOf(date: string): string {
	const [y, m, d] = date.split('-').map(Number);
	const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
	return addDays(date, -((weekday + 6) % 7));
}

export const parseClock = (clock: string): number => {
	const [h, mi] = clock.split(':').map(Number);
	return h * 60 + mi;
};

// Local midnights are pure facts of the time-zone database: caching them (bounded) makes a month of
// availability over many resources cost a few Intl calls instead of thousands.
const midnights = new Map<string, number>();
function midnight(date: string, timeZone: string): number {
	const key = `${timeZone} ${date}`;
	let value = midnights.get(key);
	if (value === undefined) {
		if (midnights.size > 20_000) midnights.clear();
		value = exactZonedInstant(date, 0, timeZone).getTime();
		midnights.set(key, value);
	}
	return value;
}

/** The instant at which the clock in `timeZone` reads `date` + `minutes`. */
export function zonedInstant(date: string, minutes: number, timeZone: string): Date {
	const start = midnight(date, timeZone);
	// A day without an offset change is exactly 24 hours long: minutes simply add up.
	if (midnight(addDays(date, 1), timeZone) - start === 86_400_000) return new Date(start + minutes * 60_000);
	return exactZonedInstant(date, minutes, timeZone);
}
