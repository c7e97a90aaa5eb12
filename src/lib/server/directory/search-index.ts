// Keeps an organisation's search columns current; called in the transaction of every profile change.
import { sql } from 'kysely';
import type { Executor } from '../db';
import { buildSearchDocument } from './text-search';

export async function refreshSearchDocument(db: Executor, orgId: string): Promise<void> {
	const org = await db
		.selectFrom('organizations')
		.select([
			'name_ko',
			'name_en',
			'slug',
			'summary_ko',
			'summary_en',
			'description_ko',
			'description_en',
			'region',
			'address_ko',
			'address_en',
			'certifications'
		])
		.where('id', '=', orgId)
		.executeTakeFirst();
	if (!org) return;
	const tags = await db
		.selectFrom('organization_terms')
		.innerJoin('taxonomy_terms', 'taxonomy_terms.id', 'organization_terms.term_id')
		.select(['taxonomy_terms.name_ko', 'taxonomy_terms.name_en'])
		.where('organization_terms.org_id', '=', orgId)
		.execute();
	const products = await db
		.selectFrom('products')
		.select(['name_ko', 'name_en', 'summary_ko', 'summary_en'])
		.where('org_id', '=', orgId)
		.execute();
	const doc = buildSearchDocument({
		names: [org.name_ko, org.name_en, org.slug.replace(/-/g, ' ')],
		tags: tags.flatMap((t) => [t.name_ko, t.name_en]),
		products: products.flatMap((p) => [p.name_ko, p.name_en]),
		texts: [
			org.summary_ko,
			org.summary_en,
			org.description_ko,
			org.description_en,
			org.region,
			org.address_ko,
			org.address_en,
			...org.certifications,
			...products.flatMap((p) => [p.summary_ko, p.summary_en])
		]
	});
	await db
		.updateTable('organizations')
		.set({
			search_words: sql`to_tsvector('simple', ${doc.words})`,
			search_bigrams: sql`to_tsvector('simple', ${doc.bigrams})`,
			search_text: doc.trigramText
		})
		.where('id', '=', orgId)
		.execute();
}
