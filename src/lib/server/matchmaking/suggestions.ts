// Ranked investor ↔ startup suggestions, scored in SQL from an investor's thesis (i) and a company (c):
//   shared fields    2 points per taxonomy term both carry
//   regulatory stage 2 points when a product of the company meets one of the thesis's stages
//                    (the same product reading as needs matching: directory/stage-match.ts)
//   ticket           1 point when the company says it is raising investment (the thesis has a ticket)
// Each row carries the parts of its score so the page can print the "why" lines.
import { sql, type RawBuilder } from 'kysely';
import type { Executor } from '../db';
import { productMeetsStage } from '../directory/stage-match';

export type Suggestion = {
	org_id: string;
	slug: string;
	name_ko: string;
	name_en: string;
	shared_terms: { name_ko: string; name_en: string }[];
	stages_met: string[];
	ticket_fits: boolean;
	ticket_min_krw: number;
	ticket_max_krw: number;
	score: number;
};

function scoredPairs(where: RawBuilder<unknown>, other: 'i' | 'c', limit: number) {
	return sql<Suggestion>`
		select o.id as org_id, o.slug, o.name_ko, o.name_en, s.shared_terms, s.stages_met, c.raising_investment as ticket_fits,
			th.ticket_min_krw::float8 as ticket_min_krw, th.ticket_max_krw::float8 as ticket_max_krw,
			jsonb_array_length(s.shared_terms) * 2 + case when cardinality(s.stages_met) > 0 then 2 else 0 end
				+ case when c.raising_investment then 1 else 0 end as score
		from investor_theses th
		join organizations i on i.id = th.org_id
		cross join organizations c
		join organizations o on o.id = ${sql.ref(`${other}.id`)}
		cross join lateral (
			select
				coalesce((select jsonb_agg(jsonb_build_object('name_ko', t.name_ko, 'name_en', t.name_en) order by t.sort_order)
					from investor_thesis_terms it join organization_terms ot on ot.term_id = it.term_id and ot.org_id = c.id
					join taxonomy_terms t on t.id = it.term_id where it.org_id = i.id), '[]'::jsonb) as shared_terms,
				array(select st from unnest(th.regulatory_stages) st
					where exists (select 1 from products p where p.org_id = c.id and (${productMeetsStage(sql`st`)}))) as stages_met
		) s
		where i.kind = 'investor' and i.status = 'verified' and c.kind = 'company' and c.status = 'verified' and ${where}
			and (jsonb_array_length(s.shared_terms) > 0 or cardinality(s.stages_met) > 0)
		order by score desc, o.name_en
		limit ${limit}`;
}

/** Investors whose thesis fits the company, best first. */
export async function suggestInvestorsForStartup(db: Executor, companyId: string, limit = 10): Promise<Suggestion[]> {
	return (await scoredPairs(sql`c.id = ${companyId}`, 'i', limit).execute(db)).rows;
}

/** Companies that fit the investor's thesis, best first (none without a thesis). */
export async function suggestStartupsForInvestor(db: Executor, investorId: string, limit = 10): Promise<Suggestion[]> {
	return (await scoredPairs(sql`i.id = ${investorId}`, 'c', limit).execute(db)).rows;
}
