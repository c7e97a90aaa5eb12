// The directory's taxonomy copy: kept while the NOTIFY listener is up, forgotten when an operator's
// change commits (on any node), never kept without the listener.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setTimeout as sleep } from 'node:timers/promises';
import { createTestDatabase, type TestDatabase } from './support/database';
import { createUser } from '../factories';
import { createTaxonomyCache, termsThrough, type TaxonomyCache } from '../../src/lib/server/directory/taxonomy-cache';
import * as taxonomyService from '../../src/lib/server/directory/taxonomy-service';

let database: TestDatabase;
beforeAll(async () => {
	database = await createTestDatabase();
});
afterAll(async () => {
	await database?.close();
});

let cache: TaxonomyCache | undefined;
const slugs = async () => (await termsThrough(cache, database.db)).map((t) => t.slug);
const insertQuietly = (slug: string) =>
	database.db
		.insertInto('taxonomy_terms')
		.values({ vocabulary: 'field', slug, name_ko: slug, name_en: slug, sort_order: 900 })
		.execute();

async function eventually(check: () => Promise<boolean>) {
	for (let i = 0; i < 100; i++) {
		if (await check()) return;
		await sleep(20);
	}
	throw new Error('condition not met within 2 s');
}

describe('taxonomy cache', () => {
	it('reads the database every time where the runtime keeps no copy', async () => {
		await insertQuietly('quiet-before-listen');
		expect(await slugs()).toContain('quiet-before-listen');
	});

	it('keeps its copy until a committed change is announced, then reads afresh', async () => {
		cache = await createTaxonomyCache(database);
		try {
			const operator = await createUser(database.db, { is_operator: true });
			const first = await slugs();
			// A write that bypasses the service is not announced: the copy stays (that is the cache).
			await insertQuietly('quiet-while-listening');
			expect(await slugs()).toEqual(first);

			const input = {
				vocabulary: 'field' as const,
				slug: 'announced-term',
				name_ko: '새 분야',
				name_en: 'New field',
				sort_order: 901
			};
			await taxonomyService.createTerm(database.db, operator.id, input, null);
			await eventually(async () => (await slugs()).includes('announced-term'));
			expect(await slugs()).toContain('quiet-while-listening');

			// A change that fails (slug taken) rolls back its NOTIFY with it; a rename is announced.
			await expect(taxonomyService.createTerm(database.db, operator.id, input, null)).rejects.toThrow();
			const term = (await termsThrough(cache, database.db)).find((t) => t.slug === 'announced-term')!;
			await taxonomyService.updateTerm(
				database.db,
				operator.id,
				term.id,
				{ name_ko: '바뀐 분야', name_en: 'Renamed', sort_order: 901 },
				null
			);
			await eventually(async () => (await termsThrough(cache, database.db)).some((t) => t.name_en === 'Renamed'));
		} finally {
			await cache.stop();
		}
		// A stopped copy keeps nothing, and neither does a process without one.
		await insertQuietly('quiet-after-stop');
		expect(await slugs()).toContain('quiet-after-stop');
		cache = undefined;
		await insertQuietly('quiet-without-cache');
		expect(await slugs()).toContain('quiet-without-cache');
	});
});
