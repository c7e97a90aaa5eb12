// Regions from the fixed bilingual list: a place searched in Korean or English finds the same
// organisations; a search with no hits suggests a spelling and keeps the facets (issue 21 item 14).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from './support/database';
import { createOrganization } from '../factories';
import { refreshSearchDocument } from '$lib/server/directory/search-index';
import { searchOrganizations } from '$lib/server/directory/search-repository';
import { directoryQuerySchema, type DirectoryQuery } from '$lib/server/directory/schemas';
import { noHitHelp } from '$lib/server/directory/no-hits';
import { profileSchema } from '$lib/server/directory/profile-schemas';

let database: TestDatabase;
const query = (input: Partial<DirectoryQuery>) => directoryQuerySchema.parse(input);
const slugsOf = async (q: string) =>
	(await searchOrganizations(database.db, query({ q, sort: 'name' }))).map((r) => r.slug).sort();

beforeAll(async () => {
	database = await createTestDatabase();
	const orgs = [
		// Only the English region says Wonju; only the Korean text says 원주; both; neither.
		{ slug: 'region-only', name_ko: '메디텍', name_en: 'Meditek', region: 'Gangwon (Wonju)' },
		{ slug: 'korean-text-only', name_ko: '원주바이오', name_en: 'Bio Valley Labs', region: '' },
		{ slug: 'english-text-only', name_ko: '심장연구소', name_en: 'Wonju Heart Institute', region: '' },
		{ slug: 'elsewhere', name_ko: '대구임플란트', name_en: 'Daegu Implant Works', region: 'Daegu' }
	];
	for (const values of orgs) {
		const row = await createOrganization(database.db, { kind: 'company', ...values });
		await refreshSearchDocument(database.db, row.id);
	}
});
afterAll(async () => database?.close());

describe('regions in the directory', () => {
	it('finds the same organisations for 원주 and Wonju', async () => {
		const korean = await slugsOf('원주');
		expect(korean).toEqual(await slugsOf('Wonju'));
		expect(korean).toEqual(['english-text-only', 'korean-text-only', 'region-only']);
		expect(korean).not.toContain('elsewhere');
	});

	it('suggests a spelling that finds something, and keeps the facets of the filters without the words', async () => {
		const terms = [{ name_ko: '디지털 헬스', name_en: 'Digital health' }];
		const help = await noHitHelp(database.db, query({ q: 'wonjoo' }), terms);
		expect(help.suggestion).toBe('wonju');
		expect(help.facets.find((f) => f.facet === 'total')?.count).toBeGreaterThanOrEqual(4);
		expect(help.facets).toEqual(
			expect.arrayContaining([{ facet: 'region', value: 'Gangwon (Wonju)', count: expect.any(Number) }])
		);
		// A word close to nothing gets no suggestion.
		expect((await noHitHelp(database.db, query({ q: 'xylophone' }), terms)).suggestion).toBeNull();
	});

	it('takes a region only from the list', () => {
		const base = {
			nameKo: '테스트',
			nameEn: 'Test org',
			summaryKo: '',
			summaryEn: '',
			descriptionKo: '',
			descriptionEn: '',
			addressKo: '',
			addressEn: '',
			website: '',
			foundedYear: '',
			employeeRange: ''
		};
		expect(profileSchema.safeParse({ ...base, region: 'Gangwon (Wonju)' }).success).toBe(true);
		expect(profileSchema.safeParse({ ...base, region: '' }).success).toBe(true);
		const typed = profileSchema.safeParse({ ...base, region: 'Wonju-ish' });
		expect(typed.success).toBe(false);
		expect(typed.error?.issues.map((i) => i.path.join('.'))).toContain('region');
	});
});
