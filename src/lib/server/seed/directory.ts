// Seeds the directory: the taxonomy, each demo organisation's tags, flags and products, and the search
// columns. Idempotent: terms are upserted, tags added if missing, products written only once per org.
import type { Transaction } from 'kysely';
import type { DB } from '../db/types';
import { refreshSearchDocument } from '../directory/search-index';
import { DIRECTORY_PROFILES } from './directory-profiles';
import { TAXONOMY } from './taxonomy';

export async function seedDirectory(
	trx: Transaction<DB>,
	orgIds: Map<string, string>
): Promise<{ terms: number; products: number }> {
	const terms = await trx
		.insertInto('taxonomy_terms')
		.values(TAXONOMY.map((term, index) => ({ ...term, sort_order: index })))
		.onConflict((oc) =>
			oc
				.columns(['vocabulary', 'slug'])
				.doUpdateSet((eb) => ({ name_ko: eb.ref('excluded.name_ko'), name_en: eb.ref('excluded.name_en') }))
		)
		.returning(['id', 'slug'])
		.execute();
	const termIds = new Map(terms.map((t) => [t.slug, t.id]));

	let products = 0;
	for (const [slug, profile] of Object.entries(DIRECTORY_PROFILES)) {
		const orgId = orgIds.get(slug);
		if (!orgId) throw new Error(`Directory seed names an unknown organisation: ${slug}`);
		await trx
			.updateTable('organizations')
			.set({
				looking_for_partners: profile.partners ?? false,
				raising_investment: profile.investment ?? false,
				employee_range: profile.size ?? null,
				certifications: profile.certifications ?? []
			})
			.where('id', '=', orgId)
			.execute();
		const tagIds = profile.tags.map((tag) => {
			const id = termIds.get(tag);
			if (!id) throw new Error(`Directory seed names an unknown tag: ${tag}`);
			return id;
		});
		await trx
			.insertInto('organization_terms')
			.values(tagIds.map((term_id) => ({ org_id: orgId, term_id })))
			.onConflict((oc) => oc.doNothing())
			.execute();
		const existing = await trx
			.selectFrom('products')
			.select('id')
			.where('org_id', '=', orgId)
			.limit(1)
			.executeTakeFirst();
		if (!existing && profile.products?.length) {
			await trx
				.insertInto('products')
				.values(profile.products.map((product, index) => ({ ...product, org_id: orgId, sort_order: index })))
				.execute();
		}
		products += profile.products?.length ?? 0;
	}
	for (const orgId of orgIds.values()) await refreshSearchDocument(trx, orgId);
	return { terms: terms.length, products };
}
