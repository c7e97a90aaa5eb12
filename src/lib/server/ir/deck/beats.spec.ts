import { describe, expect, it } from 'vitest';
import { BEAT_CAP_SECONDS, creditedSeconds } from './beats';
import { aggregateDeckViews } from './analytics';

const at = (s: number) => new Date(Date.UTC(2026, 11, 4, 10, 0, s));

describe('creditedSeconds', () => {
	it('caps a beat and never credits more than the time since the last one', () => {
		expect(creditedSeconds(7.9, at(0), null)).toBe(7);
		expect(creditedSeconds(10_000, at(0), null)).toBe(BEAT_CAP_SECONDS);
		expect(creditedSeconds(10, at(3), at(0))).toBe(4);
		expect(creditedSeconds(-5, at(30), at(0))).toBe(0);
	});
});

describe('aggregateDeckViews', () => {
	it('counts viewers once per firm and completion by the last page of the version read', () => {
		const stats = aggregateDeckViews([
			{ userId: 'u1', firm: 'A', page: 1, seconds: 10, lastPage: 2 },
			{ userId: 'u1', firm: 'A', page: 2, seconds: 5, lastPage: 2 },
			{ userId: 'u2', firm: 'A', page: 2, seconds: 1, lastPage: 3 },
			{ userId: 'u3', firm: 'B', page: 1, seconds: 30, lastPage: 1 }
		]);
		expect(stats).toEqual([
			{ firm: 'B', viewers: 1, totalSeconds: 30, pageSeconds: [30], completed: 1 },
			{ firm: 'A', viewers: 2, totalSeconds: 16, pageSeconds: [10, 6], completed: 1 }
		]);
	});
});
