// A member's schedule: every source asked for the same window, merged by time, conflicts marked.
import type { Executor } from '../db';
import { findConflicts } from './conflicts';
import { listBookingItems } from './sources/bookings';
import { listCourseItems } from './sources/courses';
import { listIrItems } from './sources/ir';
import { listMeetingItems } from './sources/meetings';
import { SCHEDULE_KINDS, type ScheduleItem, type ScheduleKind, type ScheduleRange } from './types';

const SOURCES: Record<ScheduleKind, (db: Executor, userId: string, range: ScheduleRange) => Promise<ScheduleItem[]>> = {
	booking: listBookingItems,
	course: listCourseItems,
	ir: listIrItems,
	meeting: listMeetingItems
};

export type ConflictRef = { uid: string; title_ko: string; title_en: string };
export type ScheduleEntry = ScheduleItem & { conflictsWith: ConflictRef[] };

export async function listScheduleItems(
	db: Executor,
	userId: string,
	range: ScheduleRange,
	kinds: readonly ScheduleKind[] = SCHEDULE_KINDS
): Promise<ScheduleItem[]> {
	const lists = await Promise.all(kinds.map((kind) => SOURCES[kind](db, userId, range)));
	return lists.flat().sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.uid.localeCompare(b.uid));
}

/**
 * The page's view: items of the chosen kinds, each with the items it overlaps. Conflicts are found
 * across all kinds, so hiding courses does not hide that a booking clashes with one.
 */
export async function readSchedule(
	db: Executor,
	userId: string,
	from: Date,
	to: Date,
	kinds: readonly ScheduleKind[]
): Promise<ScheduleEntry[]> {
	const all = await listScheduleItems(db, userId, { from, to, includeCancelled: false });
	const conflicts = findConflicts(all);
	const byUid = new Map(all.map((item) => [item.uid, item]));
	const ref = (uid: string): ConflictRef => ({
		uid,
		title_ko: byUid.get(uid)!.title_ko,
		title_en: byUid.get(uid)!.title_en
	});
	return all
		.filter((item) => kinds.includes(item.kind))
		.map((item) => ({ ...item, conflictsWith: (conflicts.get(item.uid) ?? []).map(ref) }));
}
