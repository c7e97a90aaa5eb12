import { describe, expect, it } from 'vitest';
import { firstFit, subtractIntervals } from './slot-holds-intervals';

const at = (h: number) => new Date(Date.UTC(2027, 0, 4, h));
const iv = (a: number, b: number) => ({ start: at(a), end: at(b) });

describe('subtractIntervals', () => {
	it('cuts a hole in the middle and trims the edges', () => {
		expect(subtractIntervals([iv(9, 18)], [iv(11, 12), iv(17, 19)])).toEqual([iv(9, 11), iv(12, 17)]);
	});
	it('drops a piece covered whole', () => {
		expect(subtractIntervals([iv(9, 10), iv(12, 13)], [iv(8, 11)])).toEqual([iv(12, 13)]);
	});
});

describe('firstFit', () => {
	it('clips to the wanted range and caps at the longest booking', () => {
		expect(firstFit([iv(8, 18)], iv(10, 20), 60, 240)).toEqual(iv(10, 14));
	});
	it('skips stretches shorter than the minimum', () => {
		expect(firstFit([iv(9, 10), iv(12, 15)], iv(0, 23), 120, 600)).toEqual(iv(12, 15));
	});
	it('skips a slot the alert already had a turn at', () => {
		expect(firstFit([iv(9, 11), iv(13, 15)], iv(0, 23), 60, 600, [iv(9, 11)])).toEqual(iv(13, 15));
	});
	it('finds nothing outside the range', () => {
		expect(firstFit([iv(9, 11)], iv(12, 20), 60, 600)).toBeNull();
	});
});
