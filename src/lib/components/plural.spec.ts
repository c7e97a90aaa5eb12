import { describe, expect, it } from 'vitest';
import { countText } from './plural';

describe('countText', () => {
	const one = () => '1 organisation';
	const many = ({ count }: { count: string }) => `${count} organisations`;
	it('uses the singular for exactly one', () => expect(countText(1, one, many)).toBe('1 organisation'));
	it('uses the plural for zero and more than one', () => {
		expect(countText(0, one, many)).toBe('0 organisations');
		expect(countText(11, one, many)).toBe('11 organisations');
	});
});
