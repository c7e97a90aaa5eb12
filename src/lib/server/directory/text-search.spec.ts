import { describe, expect, it } from 'vitest';
import { buildSearchDocument, hangulBigrams, parseQuery, toTsQuery } from './text-search';

describe('hangulBigrams', () => {
	it('splits Hangul runs into overlapping syllable pairs', () => {
		expect(hangulBigrams('디지털헬스케어')).toEqual(['디지', '지털', '털헬', '헬스', '스케', '케어']);
	});
	it('keeps a lone syllable and ignores Latin text', () => {
		expect(hangulBigrams('약 AI 원주')).toEqual(['약', '원주']);
	});
});

describe('parseQuery', () => {
	it('turns a two-syllable Korean query into the bigram the document holds', () => {
		expect(parseQuery('헬스')).toEqual({ hangul: [{ bigrams: ['헬스'], prefix: null }], words: [] });
	});
	it('separates mixed Korean and English tokens and lower-cases words', () => {
		expect(parseQuery('Cardiac 원주 3D프린팅')).toEqual({
			hangul: [
				{ bigrams: ['원주'], prefix: null },
				{ bigrams: ['프린', '린팅'], prefix: null }
			],
			words: ['cardiac', '3d']
		});
	});
	it('drops punctuation and quotes that could break a tsquery', () => {
		expect(parseQuery(`o'brien & (x) | !`)).toEqual({ hangul: [], words: ['o', 'brien', 'x'] });
	});
});

describe('toTsQuery', () => {
	it('joins terms with AND and marks prefixes', () => {
		expect(toTsQuery(['car', 'dia'], true)).toBe(`'car':* & 'dia':*`);
	});
});

describe('buildSearchDocument', () => {
	it('indexes names, tags and product names for typos, everything for words and bigrams', () => {
		const doc = buildSearchDocument({
			names: ['펄스와이즈', 'Pulsewise'],
			tags: ['SaMD'],
			products: ['Cardiac Patch'],
			texts: ['스마트워치 심전도']
		});
		expect(doc.trigramText).toBe('펄스와이즈 pulsewise samd cardiac patch');
		expect(doc.words).toContain('심전도');
		expect(doc.bigrams.split(' ')).toEqual(expect.arrayContaining(['펄스', '워치', '전도']));
	});
});
