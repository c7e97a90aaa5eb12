// Directory search against a real database: Korean fragments, English typos, mixed names, filters,
// facet counts that agree with the results, and unverified organisations that never show.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from './support/database';
import { createOrganization } from '../factories';
import { refreshSearchDocument } from '../../src/lib/server/directory/search-index';
import { directoryFacets, searchOrganizations } from '../../src/lib/server/directory/search-repository';
import { directoryQuerySchema, type DirectoryQuery } from '../../src/lib/server/directory/schemas';
import type { NewOrganization } from '../../src/lib/server/db/types';

let database: TestDatabase;
const query = (input: Partial<DirectoryQuery>) => directoryQuerySchema.parse(input);
const slugsOf = async (input: Partial<DirectoryQuery>) =>
	(await searchOrganizations(database.db, query(input))).map((r) => r.slug);

async function org(
	slug: string,
	values: Partial<NewOrganization>,
	tags: string[] = [],
	products: { name_en: string; mfds_status?: 'approved' | 'in_review' }[] = []
) {
	const row = await createOrganization(database.db, { slug, ...values });
	for (const tag of tags) {
		const term = await database.db
			.selectFrom('taxonomy_terms')
			.select('id')
			.where('slug', '=', tag)
			.executeTakeFirstOrThrow();
		await database.db.insertInto('organization_terms').values({ org_id: row.id, term_id: term.id }).execute();
	}
	for (const product of products) {
		await database.db
			.insertInto('products')
			.values({
				org_id: row.id,
				name_ko: product.name_en,
				name_en: product.name_en,
				mfds_status: product.mfds_status ?? 'none',
				mfds_class: product.mfds_status === 'approved' ? 2 : null,
				mfds_approval_no: product.mfds_status === 'approved' ? '제허 1호' : null
			})
			.execute();
	}
	await refreshSearchDocument(database.db, row.id);
	return row;
}

beforeAll(async () => {
	database = await createTestDatabase();
	await database.db
		.insertInto('taxonomy_terms')
		.values([
			{ vocabulary: 'field', slug: 'samd', name_ko: '소프트웨어 의료기기', name_en: 'SaMD' },
			{ vocabulary: 'field', slug: 'iomt', name_ko: '의료사물인터넷', name_en: 'IoMT' },
			{ vocabulary: 'department', slug: 'cardiology', name_ko: '심장내과', name_en: 'Cardiology' }
		])
		.execute();
	await org(
		'digital-health-co',
		{ name_ko: '한빛디지털헬스케어', name_en: 'Hanbit Digital Healthcare', region: 'Seoul', kind: 'company' },
		['samd']
	);
	await org(
		'rhythm-labs',
		{ name_ko: '리듬랩스', name_en: 'Cardiac Rhythm Labs', region: 'Wonju', kind: 'company' },
		['samd', 'cardiology'],
		[{ name_en: 'Rhythm Patch', mfds_status: 'approved' }]
	);
	await org(
		'wonju-severance-test',
		{
			name_ko: '원주세브란스기독병원',
			name_en: 'Wonju Severance Christian Hospital',
			region: 'Wonju',
			kind: 'hospital'
		},
		['cardiology']
	);
	await org(
		'printing-3d',
		{
			name_ko: '3D프린팅 임플란트 센터',
			name_en: '3D Printing Implant Center',
			region: 'Daegu',
			kind: 'agency',
			looking_for_partners: true
		},
		['iomt'],
		[{ name_en: 'Spinal Cage', mfds_status: 'in_review' }]
	);
	await org(
		'hidden-health',
		{ name_ko: '숨은헬스케어', name_en: 'Hidden Healthcare', status: 'pending', region: 'Seoul' },
		['samd']
	);
	await org(
		'rejected-cardiac',
		{ name_ko: '반려카디악', name_en: 'Rejected Cardiac', status: 'rejected', region: 'Seoul' },
		['cardiology']
	);
});

afterAll(async () => {
	await database?.close();
});

describe('text relevance', () => {
	it('finds a two-syllable Korean fragment inside a compound word', async () => {
		expect(await slugsOf({ q: '헬스' })).toEqual(['digital-health-co']);
	});

	it('forgives an English typo and ranks the closest name first', async () => {
		const slugs = await slugsOf({ q: 'cardiak' });
		expect(slugs[0]).toBe('rhythm-labs');
	});

	it('matches English prefixes and tags', async () => {
		expect(await slugsOf({ q: 'cardi' })).toEqual(expect.arrayContaining(['rhythm-labs', 'wonju-severance-test']));
		expect(await slugsOf({ q: 'samd' })).toEqual(expect.arrayContaining(['digital-health-co', 'rhythm-labs']));
	});

	it('matches a name typed half in Korean and half in English', async () => {
		expect(await slugsOf({ q: '원주 Severance' })).toEqual(['wonju-severance-test']);
		expect(await slugsOf({ q: '3D프린팅' })).toEqual(['printing-3d']);
	});

	it('finds organisations by their products', async () => {
		expect(await slugsOf({ q: 'rhythm patch' })).toEqual(['rhythm-labs']);
	});

	it('never shows pending or rejected organisations, even on an exact name', async () => {
		expect(await slugsOf({ q: '숨은헬스케어' })).toEqual([]);
		expect(await slugsOf({ q: 'Rejected Cardiac' })).toEqual([]);
		expect(await slugsOf({})).not.toEqual(expect.arrayContaining(['hidden-health', 'rejected-cardiac']));
	});
});

describe('filters and facets', () => {
	it('combines text with kind, region, tag, stage and flag filters', async () => {
		expect(await slugsOf({ q: 'cardi', kind: ['hospital'] })).toEqual(['wonju-severance-test']);
		expect(await slugsOf({ region: ['Wonju'], tag: ['samd'] })).toEqual(['rhythm-labs']);
		expect(await slugsOf({ tag: ['samd', 'cardiology'] })).toEqual(['rhythm-labs']);
		expect(await slugsOf({ stage: ['mfds_in_review'] })).toEqual(['printing-3d']);
		expect(await slugsOf({ partners: true })).toEqual(['printing-3d']);
	});

	it('counts per facet value equal the results of filtering by that value', async () => {
		const base = query({ q: 'cardi' });
		const facets = await directoryFacets(database.db, base);
		const total = facets.find((f) => f.facet === 'total')!.count;
		expect(total).toBe((await searchOrganizations(database.db, base)).length);
		for (const facet of facets.filter((f) => f.facet === 'kind' || f.facet === 'region' || f.facet === 'tag')) {
			const key = facet.facet === 'kind' ? 'kind' : facet.facet === 'region' ? 'region' : 'tag';
			const filtered = await searchOrganizations(database.db, query({ q: 'cardi', [key]: [facet.value] }));
			expect(filtered.length, `${facet.facet}=${facet.value}`).toBe(facet.count);
		}
	});

	it('sorts by name and by newest', async () => {
		const byName = await slugsOf({ sort: 'name' });
		expect(byName.indexOf('printing-3d')).toBeLessThan(byName.indexOf('wonju-severance-test'));
		const newest = await slugsOf({ sort: 'newest' });
		expect(newest[0]).toBe('printing-3d');
	});

	it('shows up to three tags per result', async () => {
		const [row] = await searchOrganizations(database.db, query({ q: '리듬랩스' }));
		expect(row.tags.map((t) => t.slug).sort()).toEqual(['cardiology', 'samd']);
	});
});
