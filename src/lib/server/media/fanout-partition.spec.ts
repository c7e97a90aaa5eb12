import { describe, expect, it } from 'vitest';
import { FanoutPartition, portSlices, workerCount } from './fanout-partition';

describe('FanoutPartition', () => {
	it('spreads new legs over the least loaded workers, lowest index first', () => {
		const partition = new FanoutPartition(3);
		expect([1, 2, 3, 4, 5].map((leg) => partition.assign(leg))).toEqual([0, 1, 2, 0, 1]);
		expect(partition.loads()).toEqual([2, 2, 1]);
		expect(partition.assign(3)).toBe(2); // idempotent
		expect(partition.loads()).toEqual([2, 2, 1]);
	});

	it('fills the worker that lost legs first (rebalancing as viewers leave and come)', () => {
		const partition = new FanoutPartition(2);
		for (const leg of [1, 2, 3, 4]) partition.assign(leg);
		partition.release(1);
		partition.release(3);
		expect(partition.loads()).toEqual([0, 2]);
		expect(partition.assign(5)).toBe(0);
		expect(partition.assign(6)).toBe(0);
		expect(partition.assign(7)).toBe(0);
		expect(partition.loads()).toEqual([3, 2]);
		partition.release(99);
		partition.release(1);
		expect(partition.loads()).toEqual([3, 2]);
	});

	it('gives up every leg of a dead worker and keeps the others', () => {
		const partition = new FanoutPartition(2);
		for (const leg of [1, 2, 3, 4, 5]) partition.assign(leg);
		expect(partition.evacuate(0).sort()).toEqual([1, 3, 5]);
		expect(partition.workerOf(1)).toBeUndefined();
		expect(partition.workerOf(2)).toBe(1);
		expect(partition.loads()).toEqual([0, 2]);
		partition.release(3); // already gone with its worker: no negative load
		expect(partition.loads()).toEqual([0, 2]);
		expect(partition.assign(6)).toBe(0);
	});

	it('refuses a partition without workers', () => {
		expect(() => new FanoutPartition(0)).toThrow(RangeError);
	});
});

describe('workerCount', () => {
	it('defaults to cores − 1, at least one; 0 turns workers off', () => {
		expect(workerCount(undefined, 2)).toBe(1);
		expect(workerCount(undefined, 1)).toBe(1);
		expect(workerCount(undefined, 8)).toBe(7);
		expect(workerCount(0, 8)).toBe(0);
		expect(workerCount(3, 2)).toBe(3);
	});
});

describe('portSlices', () => {
	it('gives the main thread and each worker a disjoint slice covering the range', () => {
		expect(portSlices(41000, 41999, 3)).toEqual([
			[41000, 41249],
			[41250, 41499],
			[41500, 41749],
			[41750, 41999]
		]);
		expect(portSlices(41000, 41000, 2)).toEqual([
			[41000, 41000],
			[41000, 41000],
			[41000, 41000]
		]);
	});
});
