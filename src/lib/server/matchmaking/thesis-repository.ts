// Queries of investor theses: one row per investor organisation plus its field tags.
import type { Executor } from '../db';
import type { ThesisInput } from './schemas';

export type Thesis = {
	org_id: string;
	stages: string[];
	regulatory_stages: string[];
	ticket_min_krw: number;
	ticket_max_krw: number;
	terms: { id: string; name_ko: string; name_en: string }[];
};

export async function findThesis(db: Executor, orgId: string): Promise<Thesis | null> {
	const row = await db.selectFrom('investor_theses').selectAll().where('org_id', '=', orgId).executeTakeFirst();
	if (!row) return null;
	const terms = await db
		.selectFrom('investor_thesis_terms as it')
		.innerJoin('taxonomy_terms as t', 't.id', 'it.term_id')
		.select(['t.id', 't.name_ko', 't.name_en'])
		.where('it.org_id', '=', orgId)
		.orderBy('t.sort_order')
		.execute();
	return {
		org_id: row.org_id,
		stages: row.stages,
		regulatory_stages: row.regulatory_stages,
		ticket_min_krw: Number(row.ticket_min_krw),
		ticket_max_krw: Number(row.ticket_max_krw),
		terms
	};
}

/** Insert or replace the thesis and its tags (call inside a transaction). */
export async function saveThesis(db: Executor, orgId: string, input: ThesisInput, userId: string): Promise<void> {
	const values = {
		stages: input.stages,
		regulatory_stages: input.regulatory_stages,
		ticket_min_krw: input.ticket_min_krw,
		ticket_max_krw: input.ticket_max_krw,
		updated_by: userId,
		updated_at: new Date()
	};
	await db
		.insertInto('investor_theses')
		.values({ org_id: orgId, ...values })
		.onConflict((oc) => oc.column('org_id').doUpdateSet(values))
		.execute();
	await db.deleteFrom('investor_thesis_terms').where('org_id', '=', orgId).execute();
	if (input.terms.length === 0) return;
	// Only terms that exist and are fields or capabilities: an unknown id is dropped, not a 500.
	await db
		.insertInto('investor_thesis_terms')
		.columns(['org_id', 'term_id'])
		.expression((eb) =>
			eb
				.selectFrom('taxonomy_terms')
				.select([eb.val(orgId).as('org_id'), 'id'])
				.where('id', 'in', input.terms)
		)
		.execute();
}
