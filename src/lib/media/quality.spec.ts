import { describe, expect, it } from 'vitest';
import { judgeQuality } from './quality';

const sample = (mid: string, framesDecoded: number, packetsReceived: number, packetsLost = 0, freezeCount = 0) => ({
	mid,
	framesDecoded,
	packetsReceived,
	packetsLost,
	freezeCount
});

describe('judgeQuality', () => {
	it('is undefined without video, good when frames flow without loss', () => {
		expect(judgeQuality([], [], 2)).toBeUndefined();
		expect(judgeQuality([sample('1', 0, 0)], [sample('1', 60, 400)], 2)).toBe('good');
	});

	it('drops to fair with some loss or a slow picture, and to poor with heavy loss or a stalled one', () => {
		expect(judgeQuality([sample('1', 0, 0)], [sample('1', 60, 400, 20)], 2)).toBe('fair');
		expect(judgeQuality([sample('1', 0, 0)], [sample('1', 20, 400)], 2)).toBe('fair');
		expect(judgeQuality([sample('1', 0, 0)], [sample('1', 60, 400, 100)], 2)).toBe('poor');
		expect(judgeQuality([sample('1', 10, 100)], [sample('1', 10, 100)], 2)).toBe('poor');
		expect(judgeQuality([sample('1', 0, 0)], [sample('1', 60, 400, 0, 1)], 2)).toBe('fair');
	});

	it('counts the best-moving video (a still screen share does not spoil a moving camera)', () => {
		expect(judgeQuality([sample('1', 0, 0), sample('2', 5, 50)], [sample('1', 60, 400), sample('2', 5, 52)], 2)).toBe(
			'good'
		);
	});
});
