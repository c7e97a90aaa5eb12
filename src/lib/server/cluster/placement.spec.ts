import { describe, expect, it } from 'vitest';
import { pickMediaNode, type MediaNode } from './placement';

const node = (id: string, load: number, capacity = 10): MediaNode => ({
	id,
	address: `10.0.0.${id.length}`,
	load,
	capacity
});

describe('pickMediaNode', () => {
	it('has nothing to pick from an empty list', () => {
		expect(pickMediaNode([])).toBeUndefined();
	});

	it('picks the node with the lowest load relative to its capacity', () => {
		expect(pickMediaNode([node('a', 5, 10), node('b', 6, 20), node('c', 1, 1)])?.id).toBe('b');
	});

	it('breaks ties by lower load, then by id, whatever the order of the list', () => {
		const list = [node('b', 2, 10), node('c', 1, 5), node('a', 2, 10)];
		expect(pickMediaNode(list)?.id).toBe('c');
		const same = [node('b', 2, 10), node('a', 2, 10)];
		expect(pickMediaNode(same)?.id).toBe('a');
		expect(pickMediaNode([...same].reverse())?.id).toBe('a');
	});

	it('skips full nodes while any has room, and takes the least overloaded when all are full', () => {
		expect(pickMediaNode([node('a', 10, 10), node('b', 9, 10)])?.id).toBe('b');
		expect(pickMediaNode([node('a', 12, 10), node('b', 11, 10)])?.id).toBe('b');
	});

	it('ignores nodes that declare no capacity', () => {
		expect(pickMediaNode([node('a', 0, 0)])).toBeUndefined();
		expect(pickMediaNode([node('a', 0, 0), node('b', 3, 4)])?.id).toBe('b');
	});
});
