// Interval arithmetic for offering holds: what stays free once live holds are taken out, and which
// stretch of it fits an alert.
import type { Interval } from './rules';

/** `free` minus every `cut`, keeping order; pieces of zero length disappear. */
export function subtractIntervals(free: Interval[], cuts: Interval[]): Interval[] {
	let pieces = free;
	for (const cut of cuts) {
		const next: Interval[] = [];
		for (const p of pieces) {
			if (cut.end <= p.start || cut.start >= p.end) {
				next.push(p);
				continue;
			}
			if (p.start < cut.start) next.push({ start: p.start, end: cut.start });
			if (cut.end < p.end) next.push({ start: cut.end, end: p.end });
		}
		pieces = next;
	}
	return pieces;
}

/**
 * The first stretch of `free` inside the alert's range that is at least `minMinutes` long and not
 * `excluded` (slots this alert already had a turn at), cut to at most `maxMinutes` from its start.
 */
export function firstFit(
	free: Interval[],
	want: Interval,
	minMinutes: number,
	maxMinutes: number,
	excluded: Interval[] = []
): Interval | null {
	for (const p of free) {
		const start = p.start > want.start ? p.start : want.start;
		const end = p.end < want.end ? p.end : want.end;
		if (end.getTime() - start.getTime() < minMinutes * 60_000) continue;
		if (excluded.some((e) => e.start < end && start < e.end)) continue;
		return { start, end: new Date(Math.min(end.getTime(), start.getTime() + maxMinutes * 60_000)) };
	}
	return null;
}
