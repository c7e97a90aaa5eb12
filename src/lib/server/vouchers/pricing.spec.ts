import { describe, expect, it } from 'vitest';
import { hourlyRate, isAllianceMember, minutesBetween, priceOf } from './pricing';

describe('testbed pricing', () => {
	it('charges members the member rate and everybody else the non-member rate', () => {
		const resource = { member_rate_krw: 30_000, nonmember_rate_krw: 50_000 };
		expect(hourlyRate(resource, isAllianceMember('verified'))).toBe(30_000);
		expect(hourlyRate(resource, isAllianceMember('pending'))).toBe(50_000);
		expect(hourlyRate(resource, isAllianceMember('rejected'))).toBe(50_000);
	});

	it('prices minutes pro rata in whole won', () => {
		expect(priceOf(90, 30_000)).toBe(45_000);
		expect(priceOf(30, 10_001)).toBe(5_001);
		expect(priceOf(0, 30_000)).toBe(0);
		expect(minutesBetween(new Date('2026-03-02T00:00:00Z'), new Date('2026-03-02T02:30:00Z'))).toBe(150);
	});
});
