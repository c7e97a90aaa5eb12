// The free-slot finder's query: a blank start date means "from today", not an invalid search (issue 21).
import { describe, expect, it } from 'vitest';
import { searchQuery } from './schemas';

describe('searchQuery', () => {
	it('accepts a blank start date and leaves it to the page to start today', () => {
		const parsed = searchQuery.safeParse({ kind: '', q: '', hours: '2', from: '', days: '7' });
		expect(parsed.success).toBe(true);
		expect(parsed.data?.from).toBeUndefined();
	});

	it('keeps a given start date', () => {
		expect(searchQuery.parse({ from: '2030-01-07' }).from).toBe('2030-01-07');
	});

	it('still refuses a malformed date', () => {
		expect(searchQuery.safeParse({ from: '07/01/2030' }).success).toBe(false);
	});
});
