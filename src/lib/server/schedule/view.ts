// What the schedule page shows: the view (agenda, week, month), the window around the chosen date
// in the viewer's time zone, the kinds to show, and links to the previous and next window.
import { z } from 'zod';
import { addDays, localParts, mondayOf, zonedInstant } from '$lib/server/common/zoned-time';
import { SCHEDULE_KINDS, type ScheduleKind } from './types';

export const SCHEDULE_VIEWS = ['agenda', 'week', 'month'] as const;
export type ScheduleView = (typeof SCHEDULE_VIEWS)[number];

const AGENDA_DAYS = 14;

const isoDate = z
	.string()
	.regex(/^\d{4}-\d{2}-\d{2}$/)
	.refine(
		(value) =>
			!Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value)
	);

/** The query string, forgiving: anything unreadable falls back to the default rather than failing. */
export const scheduleQuerySchema = z.object({
	view: z.enum(SCHEDULE_VIEWS).catch('agenda'),
	date: isoDate.optional().catch(undefined),
	kind: z.array(z.enum(SCHEDULE_KINDS)).catch([])
});

export function readScheduleQuery(params: URLSearchParams) {
	const parsed = scheduleQuerySchema.parse({
		view: params.get('view') ?? undefined,
		date: params.get('date') ?? undefined,
		kind: params.getAll('kind')
	});
	const kinds: ScheduleKind[] = parsed.kind.length ? [...new Set(parsed.kind)] : [...SCHEDULE_KINDS];
	return { view: parsed.view, date: parsed.date, kinds };
}

export type ScheduleWindow = {
	/** First and last local day shown (for the grid: whole weeks around the month). */
	days: string[];
	from: Date;
	to: Date;
	anchor: string;
	previous: string;
	next: string;
	today: string;
};

const firstOfMonth = (date: string) => `${date.slice(0, 7)}-01`;
function shiftMonth(date: string, months: number): string {
	const [y, m] = date.split('-').map(Number);
	const shifted = new Date(Date.UTC(y, m - 1 + months, 1));
	return shifted.toISOString().slice(0, 10);
}
const range = (first: string, count: number) => Array.from({ length: count }, (_, i) => addDays(first, i));

export function scheduleWindow(
	view: ScheduleView,
	asked: string | undefined,
	now: Date,
	timeZone: string
): ScheduleWindow {
	const today = localParts(now, timeZone).date;
	const anchor = asked ?? today;
	if (view === 'week') {
		const monday = mondayOf(anchor);
		return {
			days: range(monday, 7),
			from: zonedInstant(monday, 0, timeZone),
			to: zonedInstant(addDays(monday, 7), 0, timeZone),
			anchor: monday,
			previous: addDays(monday, -7),
			next: addDays(monday, 7),
			today
		};
	}
	if (view === 'month') {
		const first = firstOfMonth(anchor);
		const following = shiftMonth(first, 1);
		const gridStart = mondayOf(first);
		const gridEnd = addDays(mondayOf(addDays(following, -1)), 7);
		const count = Math.round((Date.parse(gridEnd) - Date.parse(gridStart)) / 86_400_000);
		return {
			days: range(gridStart, count),
			from: zonedInstant(gridStart, 0, timeZone),
			to: zonedInstant(gridEnd, 0, timeZone),
			anchor: first,
			previous: shiftMonth(first, -1),
			next: following,
			today
		};
	}
	return {
		days: range(anchor, AGENDA_DAYS),
		from: zonedInstant(anchor, 0, timeZone),
		to: zonedInstant(addDays(anchor, AGENDA_DAYS), 0, timeZone),
		anchor,
		previous: addDays(anchor, -AGENDA_DAYS),
		next: addDays(anchor, AGENDA_DAYS),
		today
	};
}

/** Items by the local day they start on, in order. */
export function groupByDay<T extends { startsAt: Date }>(items: T[], timeZone: string): Record<string, T[]> {
	const days: Record<string, T[]> = {};
	for (const item of items) (days[localParts(item.startsAt, timeZone).date] ??= []).push(item);
	return days;
}
