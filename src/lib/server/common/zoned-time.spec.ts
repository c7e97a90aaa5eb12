import { describe, expect, it } from 'vitest';
import { addDays, localParts, mondayOf, zonedInstant } from '$lib/server/common/zoned-time';

describe('zoned time', () => {
	it('turns Seoul wall-clock time into the instant and back', () => {
		const instant = zonedInstant('2026-03-10', 9 * 60 + 30, 'Asia/Seoul');
		expect(instant.toISOString()).toBe('2026-03-10T00:30:00.000Z');
		expect(localParts(instant, 'Asia/Seoul')).toEqual({ date: '2026-03-10', minutes: 570, weekday: 2 });
	});

	it('handles a zone with daylight saving time', () => {
		expect(zonedInstant('2026-07-01', 9 * 60, 'Europe/Berlin').toISOString()).toBe('2026-07-01T07:00:00.000Z');
		expect(zonedInstant('2026-01-15', 9 * 60, 'Europe/Berlin').toISOString()).toBe('2026-01-15T08:00:00.000Z');
	});

	it('counts calendar days and finds Mondays', () => {
		expect(addDays('2026-02-27', 3)).toBe('2026-03-02');
		expect(mondayOf('2026-03-08')).toBe('2026-03-02');
		expect(mondayOf('2026-03-09')).toBe('2026-03-09');
	});
});
