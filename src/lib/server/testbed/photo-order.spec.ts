import { describe, expect, it } from 'vitest';
import { movePhotoInOrder } from './photo-order';

describe('movePhotoInOrder', () => {
	const ids = ['a', 'b', 'c'];
	it('swaps a photo with its neighbour', () => {
		expect(movePhotoInOrder(ids, 'b', 'up')).toEqual(['b', 'a', 'c']);
		expect(movePhotoInOrder(ids, 'b', 'down')).toEqual(['a', 'c', 'b']);
	});
	it('leaves the ends and unknown ids as they are', () => {
		expect(movePhotoInOrder(ids, 'a', 'up')).toEqual(ids);
		expect(movePhotoInOrder(ids, 'c', 'down')).toEqual(ids);
		expect(movePhotoInOrder(ids, 'x', 'up')).toEqual(ids);
	});
});
