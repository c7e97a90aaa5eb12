import { describe, expect, it } from 'vitest';
import { parseAuditQuery } from './filter';
import { nextDay, startOfDay } from './zoned-day';

const parse = (query: string) => parseAuditQuery(new URLSearchParams(query), 'Asia/Seoul');

describe('parseAuditQuery', () => {
	it('builds the filter from valid parameters', () => {
		const { filter, invalid, page } = parse(
			'actor=operator&type=organization&entity=abc&from=2026-03-01&to=2026-03-02&page=3'
		);
		expect(invalid).toEqual([]);
		expect(page).toBe(3);
		expect(filter).toMatchObject({
			actor: 'operator',
			entityType: 'organization',
			entityId: 'abc',
			limit: 51,
			offset: 100
		});
		expect(filter.from?.toISOString()).toBe('2026-02-28T15:00:00.000Z');
		expect(filter.to?.toISOString()).toBe('2026-03-02T15:00:00.000Z');
	});

	it('ignores and names invalid parameters instead of failing', () => {
		const { filter, invalid, values } = parse('from=2026-02-30&to=yesterday&type=booking&actor=x');
		expect(invalid).toEqual(['type', 'from', 'to']);
		expect(filter.from).toBeUndefined();
		expect(filter.to).toBeUndefined();
		expect(filter.entityType).toBeUndefined();
		expect(filter.actor).toBe('x');
		expect(values.from).toBe('2026-02-30');
	});

	it('treats empty parameters as no filter and a bad page as the first', () => {
		const { filter, invalid, page } = parse('actor=&type=&from=&page=-2');
		expect(invalid).toEqual([]);
		expect(page).toBe(1);
		expect(filter).toEqual({
			actor: undefined,
			entityType: undefined,
			entityId: undefined,
			from: undefined,
			to: undefined,
			limit: 51,
			offset: 0
		});
	});
});

describe('zoned days', () => {
	it('finds midnight in zones with and without daylight saving', () => {
		expect(startOfDay('2026-01-15', 'UTC').toISOString()).toBe('2026-01-15T00:00:00.000Z');
		expect(startOfDay('2026-07-01', 'Europe/Berlin').toISOString()).toBe('2026-06-30T22:00:00.000Z');
		expect(startOfDay('2026-03-29', 'Europe/Berlin').toISOString()).toBe('2026-03-28T23:00:00.000Z');
		expect(startOfDay('2026-03-08', 'America/New_York').toISOString()).toBe('2026-03-08T05:00:00.000Z');
	});

	it('steps over month and year ends', () => {
		expect(nextDay('2026-12-31')).toBe('2027-01-01');
		expect(nextDay('2028-02-28')).toBe('2028-02-29');
	});
});
