import { describe, expect, it } from 'vitest';
import { findConflicts } from './conflicts';
import type { ScheduleItem } from './types';

const at = (h: number) => new Date(Date.UTC(2026, 10, 23, h));
const item = (uid: string, from: number, to: number, status: ScheduleItem['status'] = 'confirmed'): ScheduleItem => ({
	uid,
	kind: 'booking',
	title_ko: uid,
	title_en: uid,
	startsAt: at(from),
	endsAt: at(to),
	status,
	link: '/',
	location_ko: '',
	location_en: '',
	sequence: 0,
	updatedAt: at(0)
});

describe('findConflicts', () => {
	it('pairs overlapping items and ignores touching ends and cancelled items', () => {
		const conflicts = findConflicts([
			item('a', 9, 11),
			item('b', 10, 12),
			item('c', 12, 13),
			item('d', 9, 14, 'cancelled'),
			item('e', 12, 15)
		]);
		expect(conflicts.get('a')).toEqual(['b']);
		expect(conflicts.get('b')).toEqual(['a']);
		expect(conflicts.get('c')).toEqual(['e']);
		expect(conflicts.has('d')).toBe(false);
	});

	it('finds an item inside a longer one', () => {
		expect(findConflicts([item('long', 8, 18), item('short', 10, 11), item('later', 12, 13)]).get('long')).toEqual([
			'short',
			'later'
		]);
	});
});
