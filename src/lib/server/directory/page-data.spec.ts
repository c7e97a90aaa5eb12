import { describe, expect, it } from 'vitest';
import { initialsOf, readerResults, readerTerms } from './page-data';

const result = {
	id: 'id-1',
	slug: 'pulsewise',
	kind: 'company',
	name_ko: '펄스와이즈',
	name_en: 'Pulsewise Inc.',
	summary_ko: '심전도 패치',
	summary_en: 'ECG patch',
	region: 'Gangwon (Wonju)',
	logo_upload_id: null,
	looking_for_partners: true,
	raising_investment: false,
	tags: ['a', 'b', 'c', 'd'].map((slug) => ({ slug, name_ko: `${slug}-ko`, name_en: `${slug}-en` }))
};

describe('readerResults', () => {
	it('keeps the reader language, the other name and the three card tags', () => {
		const [ko] = readerResults([result], 'ko');
		expect(ko).toMatchObject({
			name: '펄스와이즈',
			otherName: 'Pulsewise Inc.',
			summary: '심전도 패치',
			initials: 'PI'
		});
		expect(ko.tags).toEqual([
			{ slug: 'a', name: 'a-ko' },
			{ slug: 'b', name: 'b-ko' },
			{ slug: 'c', name: 'c-ko' }
		]);
		expect(JSON.stringify(ko)).not.toContain('ECG');
		const [en] = readerResults([result], 'en');
		expect(en).toMatchObject({ name: 'Pulsewise Inc.', otherName: '펄스와이즈', summary: 'ECG patch' });
		expect(en.tags[0].name).toBe('a-en');
	});

	it('makes initials from the English name', () => {
		expect(initialsOf('Hanbit Medical Ventures')).toBe('HM');
		expect(initialsOf('(주)')).toBe('');
	});
});

describe('readerTerms', () => {
	const terms = ['x', 'y', 'z'].map((slug) => ({
		vocabulary: 'field',
		slug,
		name_ko: `${slug}-ko`,
		name_en: `${slug}-en`
	}));
	it('sends the terms with results and the chosen ones, named in the reader language', () => {
		const facets = [
			{ facet: 'tag', value: 'x', count: 2 },
			{ facet: 'tag', value: 'y', count: 0 },
			{ facet: 'kind', value: 'z', count: 5 }
		];
		expect(readerTerms(terms, facets, ['z'], 'en')).toEqual([
			{ vocabulary: 'field', slug: 'x', name: 'x-en' },
			{ vocabulary: 'field', slug: 'z', name: 'z-en' }
		]);
		expect(readerTerms(terms, facets, [], 'ko')).toEqual([{ vocabulary: 'field', slug: 'x', name: 'x-ko' }]);
	});
});
