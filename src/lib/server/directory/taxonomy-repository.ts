// Taxonomy terms (fields, capabilities, clinical departments) and which organisations carry them.
import type { Executor } from '../db';
import type { Vocabulary } from '../db/directory-types';

export function listTerms(db: Executor, vocabulary?: Vocabulary) {
	let query = db.selectFrom('taxonomy_terms').select(['id', 'vocabulary', 'slug', 'name_ko', 'name_en', 'sort_order']);
	if (vocabulary) query = query.where('vocabulary', '=', vocabulary);
	return query.orderBy('vocabulary').orderBy('sort_order').orderBy('name_en').execute();
}

export function listOrganizationTerms(db: Executor, orgId: string) {
	return db
		.selectFrom('organization_terms')
		.innerJoin('taxonomy_terms', 'taxonomy_terms.id', 'organization_terms.term_id')
		.select([
			'taxonomy_terms.id',
			'taxonomy_terms.vocabulary',
			'taxonomy_terms.slug',
			'taxonomy_terms.name_ko',
			'taxonomy_terms.name_en'
		])
		.where('organization_terms.org_id', '=', orgId)
		.orderBy('taxonomy_terms.vocabulary')
		.orderBy('taxonomy_terms.sort_order')
		.execute();
}

/** Replaces the organisation's tags with `termIds` (unknown ids are ignored by the join). */
export async function setOrganizationTerms(db: Executor, orgId: string, termIds: string[]) {
	await db.deleteFrom('organization_terms').where('org_id', '=', orgId).execute();
	if (termIds.length === 0) return;
	await db
		.insertInto('organization_terms')
		.columns(['org_id', 'term_id'])
		.expression((eb) =>
			eb
				.selectFrom('taxonomy_terms')
				.select([eb.val(orgId).as('org_id'), 'id'])
				.where('id', 'in', termIds)
		)
		.execute();
}

export function insertTerm(
	db: Executor,
	term: { vocabulary: Vocabulary; slug: string; name_ko: string; name_en: string; sort_order: number }
) {
	return db.insertInto('taxonomy_terms').values(term).returningAll().executeTakeFirstOrThrow();
}

export function updateTerm(db: Executor, id: string, term: { name_ko: string; name_en: string; sort_order: number }) {
	return db.updateTable('taxonomy_terms').set(term).where('id', '=', id).returningAll().executeTakeFirst();
}

export function deleteTerm(db: Executor, id: string) {
	return db.deleteFrom('taxonomy_terms').where('id', '=', id).returning(['id']).executeTakeFirst();
}

/** Organisations tagged with a term, for re-indexing after a rename. */
export async function listOrganizationIdsWithTerm(db: Executor, termId: string) {
	const rows = await db.selectFrom('organization_terms').select('org_id').where('term_id', '=', termId).execute();
	return rows.map((r) => r.org_id);
}
