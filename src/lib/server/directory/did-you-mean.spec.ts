import { describe, expect, it } from 'vitest';
import { similarity, suggestSpelling } from './did-you-mean';

const vocabulary = [
	'Digital health',
	'Gangwon (Wonju)',
	'강원 (원주)',
	'Wonju Medical Devices',
	'ECG simulator',
	'디지털 헬스'
];

describe('suggestSpelling', () => {
	it('corrects typos to the closest known word', () => {
		expect(suggestSpelling('helth', vocabulary)).toBe('health');
		expect(suggestSpelling('wonjoo', vocabulary)).toBe('wonju');
		expect(suggestSpelling('digital helth', vocabulary)).toBe('digital health');
	});

	it('says nothing when the words are known or nothing is close', () => {
		expect(suggestSpelling('health', vocabulary)).toBeNull();
		expect(suggestSpelling('xylophone', vocabulary)).toBeNull();
		expect(suggestSpelling('', vocabulary)).toBeNull();
	});

	it('counts trigrams as pg_trgm does', () => {
		expect(similarity('wonju', 'wonju')).toBe(1);
		expect(similarity('abc', 'xyz')).toBe(0);
	});
});
