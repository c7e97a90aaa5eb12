import { describe, expect, it } from 'vitest';
import { textIn } from './localized';

describe('textIn', () => {
	it('gives the text of the asked language', () => {
		expect(textIn('ko', '장비', 'Equipment')).toBe('장비');
		expect(textIn('en', '장비', 'Equipment')).toBe('Equipment');
	});
	it('falls back to Korean when the English column is empty, and to English the other way', () => {
		expect(textIn('en', '장비', '')).toBe('장비');
		expect(textIn('en', '장비', null)).toBe('장비');
		expect(textIn('ko', '', 'Equipment')).toBe('Equipment');
	});
	it('is empty, never "undefined", when both are missing', () => {
		expect(textIn('en', null, undefined)).toBe('');
	});
});
