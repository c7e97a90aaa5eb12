import { describe, expect, it } from 'vitest';
import { createOpeningCalendar, freeSpans } from './opening-calendar';
import { zonedInstant } from '$lib/server/common/zoned-time';

const office = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opens: '09:00:00', closes: '18:00:00' }));
const seoul = (date: string, h: number, m = 0) => zonedInstant(date, h * 60 + m, 'Asia/Seoul').getTime();
const iso = (spans: { start: number; end: number }[]) =>
	spans.map((s) => [new Date(s.start).toISOString(), new Date(s.end).toISOString()]);

describe('opening calendar', () => {
	it('gives the windows of each local day touching the range, on weekdays only', () => {
		// Friday 2026-03-06 to Monday 2026-03-09, Seoul.
		const calendar = createOpeningCalendar(new Date(seoul('2026-03-06', 0)), new Date(seoul('2026-03-09', 12)));
		expect(iso(calendar.windows('Asia/Seoul', office))).toEqual([
			['2026-03-06T00:00:00.000Z', '2026-03-06T09:00:00.000Z'],
			['2026-03-09T00:00:00.000Z', '2026-03-09T09:00:00.000Z']
		]);
	});

	it('shares one computation between resources with the same hours', () => {
		const calendar = createOpeningCalendar(new Date(seoul('2026-03-02', 0)), new Date(seoul('2026-04-02', 0)));
		expect(calendar.windows('Asia/Seoul', office)).toBe(calendar.windows('Asia/Seoul', [...office].reverse()));
		expect(calendar.windows('Asia/Seoul', office)).not.toBe(calendar.windows('Europe/Berlin', office));
	});

	it('reads the wall clock across a daylight-saving change and closes at 24:00', () => {
		const allDay = [{ weekday: 0, opens: '00:00:00', closes: '24:00:00' }];
		// Berlin moves from +01:00 to +02:00 on Sunday 2026-03-29: that day lasts 23 hours.
		const calendar = createOpeningCalendar(new Date('2026-03-28T12:00:00Z'), new Date('2026-03-30T00:00:00Z'));
		expect(iso(calendar.windows('Europe/Berlin', allDay))).toEqual([
			['2026-03-28T23:00:00.000Z', '2026-03-29T22:00:00.000Z']
		]);
		const nine = createOpeningCalendar(new Date('2026-03-28T12:00:00Z'), new Date('2026-03-30T00:00:00Z'));
		expect(iso(nine.windows('Europe/Berlin', [{ weekday: 0, opens: '09:00', closes: '10:00' }]))).toEqual([
			['2026-03-29T07:00:00.000Z', '2026-03-29T08:00:00.000Z']
		]);
	});
});

describe('free spans', () => {
	const windows = [
		{ start: 0, end: 100 },
		{ start: 200, end: 300 }
	];
	it('clips to the bookable range and subtracts overlapping, unsorted-by-end taken spans', () => {
		const taken = [
			{ start: 10, end: 20 },
			{ start: 15, end: 250 },
			{ start: 30, end: 40 },
			{ start: 280, end: 290 }
		];
		expect(freeSpans(windows, 5, 295, taken)).toEqual([
			{ start: 5, end: 10 },
			{ start: 250, end: 280 },
			{ start: 290, end: 295 }
		]);
	});
	it('returns the windows when nothing is taken, and nothing outside the range', () => {
		expect(freeSpans(windows, 0, 1000, [])).toEqual(windows);
		expect(freeSpans(windows, 100, 200, [])).toEqual([]);
	});
});
