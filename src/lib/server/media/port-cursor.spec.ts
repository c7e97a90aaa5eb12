import { describe, expect, it } from 'vitest';
import { PortCursor } from './port-cursor';

describe('PortCursor', () => {
	it('starts each search one port further, so the n-th connection does not probe n ports', () => {
		const cursor = new PortCursor(41000, 41999);
		expect(cursor.next()).toEqual([41000, 41999]);
		expect(cursor.next()).toEqual([41001, 41999]);
		for (let i = 0; i < 298; i++) cursor.next();
		expect(cursor.next()).toEqual([41300, 41999]);
	});

	it('searches the whole range near its end, and wraps to the start', () => {
		const cursor = new PortCursor(100, 120);
		const starts = Array.from({ length: 23 }, () => cursor.next());
		expect(starts[0]).toEqual([100, 120]);
		expect(starts[4]).toEqual([104, 120]);
		// 120 − 105 < 16: the last ports would leave werift too few to try.
		expect(starts[5]).toEqual([100, 120]);
		expect(starts[20]).toEqual([100, 120]);
		expect(starts[21]).toEqual([100, 120]);
		expect(starts[22]).toEqual([101, 120]);
	});

	it('refuses a range that is empty or not whole numbers', () => {
		expect(() => new PortCursor(5000, 4000)).toThrow(RangeError);
		expect(() => new PortCursor(1.5, 4000)).toThrow(RangeError);
		expect(new PortCursor(7, 7).next()).toEqual([7, 7]);
	});
});
