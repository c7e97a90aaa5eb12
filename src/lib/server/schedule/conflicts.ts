// Which of a member's items overlap: a sweep over items sorted by start (cancelled items never clash).
import type { ScheduleItem } from './types';

/** For each uid that clashes, the uids it clashes with. Touching ends (10:00–11:00, 11:00–12:00) do not. */
export function findConflicts(items: ScheduleItem[]): Map<string, string[]> {
	const live = items
		.filter((item) => item.status !== 'cancelled')
		.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
	const conflicts = new Map<string, string[]>();
	const add = (a: string, b: string) => conflicts.set(a, [...(conflicts.get(a) ?? []), b]);
	let open: ScheduleItem[] = [];
	for (const item of live) {
		open = open.filter((other) => other.endsAt > item.startsAt);
		for (const other of open) {
			add(item.uid, other.uid);
			add(other.uid, item.uid);
		}
		open.push(item);
	}
	return conflicts;
}
