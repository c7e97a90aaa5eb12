import { describe, expect, it } from 'vitest';
import { findCycle } from './prerequisite-graph';

const edge = (course_id: string, prerequisite_id: string) => ({ course_id, prerequisite_id });

describe('findCycle', () => {
	it('accepts a chain and a diamond', () => {
		expect(findCycle('a', ['b', 'c'], [edge('b', 'd'), edge('c', 'd')])).toBeNull();
		expect(findCycle('a', [], [edge('b', 'a')])).toBeNull();
	});

	it('finds a self-prerequisite and a direct cycle', () => {
		expect(findCycle('a', ['a'], [])).toEqual(['a', 'a']);
		expect(findCycle('a', ['b'], [edge('b', 'a')])).toEqual(['a', 'b', 'a']);
	});

	it('finds a cycle through several courses and names the chain in order', () => {
		expect(findCycle('a', ['x', 'b'], [edge('b', 'c'), edge('c', 'a'), edge('x', 'y')])).toEqual(['a', 'b', 'c', 'a']);
	});

	it('ignores the course’s old prerequisites (they are being replaced)', () => {
		expect(findCycle('a', ['c'], [edge('a', 'b'), edge('b', 'a')])).toBeNull();
	});
});
