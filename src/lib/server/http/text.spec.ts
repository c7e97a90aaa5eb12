import { describe, expect, it } from 'vitest';
import { findUncleanText, isCleanText, text } from './text';

describe('text()', () => {
	it('accepts ordinary text, Korean, emoji, tabs and line breaks', () => {
		for (const value of ['Series A', '원주 의료기기', 'ok 👍', 'a\tb\r\nc'])
			expect(text().safeParse(value).success).toBe(true);
	});

	it('refuses NUL, other controls and lone surrogates, with its own message', () => {
		for (const value of ['a\u0000b', 'bell\u0007', 'esc\u001b', 'c1\u0085', 'hi\uD800', '\uDC00lo', 'x\uDFFF\uD800']) {
			const parsed = text().trim().min(1).safeParse(value);
			expect(parsed.success, JSON.stringify(value)).toBe(false);
			expect(parsed.error?.issues[0].code).toBe('custom');
		}
	});

	it('keeps the string methods chained after it', () => {
		expect(text().trim().min(2).safeParse('  a  ').success).toBe(false);
		expect(text().trim().max(3).parse('  abc ')).toBe('abc');
	});
});

describe('findUncleanText', () => {
	it('names the path of the first bad string or key, and passes clean values', () => {
		expect(findUncleanText({ a: ['ok', { b: 'bad\u0000' }] })).toBe('a.1.b');
		expect(findUncleanText({ ['k\u0000']: 1 })).toBe('form');
		expect(findUncleanText({ a: 1, b: [true, null, 'fine'] })).toBeNull();
		expect(isCleanText('')).toBe(true);
	});

	it('refuses nesting deeper than it walks, without recursion', () => {
		let deep: unknown = 'x';
		for (let i = 0; i < 100_000; i++) deep = [deep];
		expect(findUncleanText(deep)).not.toBeNull();
		expect(findUncleanText([[['shallow']]])).toBeNull();
	});
});
