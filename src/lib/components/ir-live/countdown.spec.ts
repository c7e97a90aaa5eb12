import { describe, expect, it } from 'vitest';
import { splitCountdown } from './countdown';

const H = 3_600_000;

describe('splitCountdown', () => {
	it('counts days apart from the clock, never 76 hours', () => {
		expect(splitCountdown(76 * H + 34 * 60_000 + 13_000)).toEqual({ days: 3, clock: '4:34:13' });
	});
	it('shows hours, minutes and seconds under a day', () => {
		expect(splitCountdown(2 * H + 5_000)).toEqual({ days: 0, clock: '2:00:05' });
	});
	it('shows minutes and seconds under an hour, and stops at zero', () => {
		expect(splitCountdown(61_000)).toEqual({ days: 0, clock: '01:01' });
		expect(splitCountdown(-5_000)).toEqual({ days: 0, clock: '00:00' });
	});
});
