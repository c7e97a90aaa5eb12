import { describe, expect, it } from 'vitest';
import { groupByDay, readScheduleQuery, scheduleWindow } from './view';

const TZ = 'Asia/Seoul';
const NOW = new Date('2026-11-23T03:00:00Z'); // Monday 12:00 in Seoul

describe('schedule view', () => {
	it('reads the query, falling back to defaults on nonsense', () => {
		expect(readScheduleQuery(new URLSearchParams('view=week&date=2026-12-01&kind=ir&kind=booking'))).toEqual({
			view: 'week',
			date: '2026-12-01',
			kinds: ['ir', 'booking']
		});
		expect(readScheduleQuery(new URLSearchParams('view=year&date=2026-02-31&kind=party'))).toEqual({
			view: 'agenda',
			date: undefined,
			kinds: ['booking', 'course', 'ir', 'meeting']
		});
	});

	it('windows a week from Monday, a month in whole weeks, an agenda of 14 days', () => {
		const week = scheduleWindow('week', '2026-11-26', NOW, TZ);
		expect(week.days[0]).toBe('2026-11-23');
		expect(week.days).toHaveLength(7);
		expect(week.from.toISOString()).toBe('2026-11-22T15:00:00.000Z');
		expect([week.previous, week.next]).toEqual(['2026-11-16', '2026-11-30']);

		const month = scheduleWindow('month', '2026-11-26', NOW, TZ);
		expect(month.days[0]).toBe('2026-10-26');
		expect(month.days.at(-1)).toBe('2026-12-06');
		expect(month.days.length % 7).toBe(0);
		expect([month.previous, month.next]).toEqual(['2026-10-01', '2026-12-01']);

		const agenda = scheduleWindow('agenda', undefined, NOW, TZ);
		expect(agenda.anchor).toBe('2026-11-23');
		expect(agenda.days).toHaveLength(14);
	});

	it('groups items by the local day they start', () => {
		const days = groupByDay(
			[{ startsAt: new Date('2026-11-23T14:59:00Z') }, { startsAt: new Date('2026-11-23T15:00:00Z') }],
			TZ
		);
		expect(Object.keys(days)).toEqual(['2026-11-23', '2026-11-24']);
	});
});
