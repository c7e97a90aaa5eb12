// The week shown on a resource page, in the viewer's time zone: a grid of hour cells and the free
// stretches per day. Built on the server so the page works without JavaScript.
import type { ResourceAvailability } from './availability';
import { overlaps, type Interval } from './rules';
import { addDays, localParts, mondayOf, zonedInstant } from '$lib/server/common/zoned-time';

export type CellState = 'free' | 'partial' | 'busy' | 'blackout' | 'closed';
export type WeekView = {
	monday: string;
	days: string[];
	hours: number[];
	cells: CellState[][];
	free: { date: string; slots: { start: string; end: string }[] }[];
};

export function weekRange(monday: string, timeZone: string) {
	return { from: zonedInstant(monday, 0, timeZone), to: zonedInstant(addDays(monday, 7), 0, timeZone) };
}

/** The Monday of the week to show: the one asked for (any date in it), else this week. */
export function weekToShow(asked: string | null, now: Date, timeZone: string): string {
	const date =
		asked && /^\d{4}-\d{2}-\d{2}$/.test(asked) && !Number.isNaN(Date.parse(asked))
			? asked
			: localParts(now, timeZone).date;
	return mondayOf(date);
}

function cellState(cell: Interval, a: ResourceAvailability): CellState {
	if (a.free.some((f) => f.start <= cell.start && f.end >= cell.end)) return 'free';
	if (a.free.some((f) => overlaps(f, cell))) return 'partial';
	if (a.busy.some((b) => overlaps(b, cell))) return 'busy';
	if (a.blackouts.some((b) => overlaps(b, cell))) return 'blackout';
	return 'closed';
}

export function buildWeekView(monday: string, timeZone: string, a: ResourceAvailability): WeekView {
	const days = Array.from({ length: 7 }, (_, i) => addDays(monday, i));
	const all = Array.from({ length: 24 }, (_, h) => h);
	const grid = days.map((date) =>
		all.map((h) =>
			cellState({ start: zonedInstant(date, h * 60, timeZone), end: zonedInstant(date, (h + 1) * 60, timeZone) }, a)
		)
	);
	// Rows only for the hours something happens in, so an office-hours lab is not a 24-row table.
	let hours = all.filter((h) => grid.some((day) => day[h] !== 'closed'));
	if (hours.length) hours = all.slice(hours[0], hours[hours.length - 1] + 1);
	const free = days.map((date) => {
		const { from, to } = { from: zonedInstant(date, 0, timeZone), to: zonedInstant(addDays(date, 1), 0, timeZone) };
		const slots = a.free
			.filter((f) => f.start < to && f.end > from)
			.map((f) => ({
				start: (f.start < from ? from : f.start).toISOString(),
				end: (f.end > to ? to : f.end).toISOString()
			}))
			.filter((f) => f.start < f.end);
		return { date, slots };
	});
	return { monday, days, hours, cells: grid.map((day) => hours.map((h) => day[h])), free };
}
