import { describe, expect, it } from 'vitest';
import { REGIONS, regionLabel, regionsMatching } from './regions';

describe('regions', () => {
	it('shows the reader language and leaves unknown values as typed', () => {
		expect(regionLabel('Gangwon (Wonju)', 'ko')).toBe('강원 (원주)');
		expect(regionLabel('Gangwon (Wonju)', 'en')).toBe('Gangwon (Wonju)');
		expect(regionLabel('Somewhere else', 'ko')).toBe('Somewhere else');
	});

	it('maps a Korean or English place word to the same stored values', () => {
		expect(regionsMatching('원주')).toEqual(['Gangwon (Wonju)']);
		expect(regionsMatching('Wonju')).toEqual(regionsMatching('원주'));
		expect(regionsMatching('판교')).toEqual(['Gyeonggi (Pangyo)']);
		expect(regionsMatching('강원')).toEqual([
			'Gangwon',
			'Gangwon (Wonju)',
			'Gangwon (Chuncheon)',
			'Gangwon (Gangneung)'
		]);
		expect(regionsMatching('ecg')).toEqual([]);
		expect(regionsMatching('원')).toEqual([]);
	});

	it('has one entry per value, each named in both languages', () => {
		expect(new Set(REGIONS.map((r) => r.value)).size).toBe(REGIONS.length);
		for (const r of REGIONS) expect(r.ko && r.en).toBeTruthy();
	});
});
