import { describe, expect, it } from 'vitest';
import { parseRange } from './range';

describe('parseRange', () => {
	it('serves in full without a header or with one it does not understand', () => {
		expect(parseRange(null, 100)).toEqual({ kind: 'full' });
		expect(parseRange('bytes=0-1,5-9', 100)).toEqual({ kind: 'full' });
		expect(parseRange('items=0-1', 100)).toEqual({ kind: 'full' });
		expect(parseRange('bytes=-', 100)).toEqual({ kind: 'full' });
	});

	it('reads closed, open and suffix ranges, clamped to the object', () => {
		expect(parseRange('bytes=0-9', 100)).toEqual({ kind: 'partial', range: { start: 0, end: 9 } });
		expect(parseRange('bytes=90-', 100)).toEqual({ kind: 'partial', range: { start: 90, end: 99 } });
		expect(parseRange('bytes=90-500', 100)).toEqual({ kind: 'partial', range: { start: 90, end: 99 } });
		expect(parseRange('bytes=-10', 100)).toEqual({ kind: 'partial', range: { start: 90, end: 99 } });
		expect(parseRange('bytes=-500', 100)).toEqual({ kind: 'partial', range: { start: 0, end: 99 } });
	});

	it('refuses ranges that start past the end', () => {
		expect(parseRange('bytes=100-', 100)).toEqual({ kind: 'unsatisfiable' });
		expect(parseRange('bytes=200-300', 100)).toEqual({ kind: 'unsatisfiable' });
		expect(parseRange('bytes=-0', 100)).toEqual({ kind: 'unsatisfiable' });
	});
});
