// Who fits a need, and which needs fit a company, scored in SQL from three signals:
//   shared tags      2 points per taxonomy term (department, field, capability) both carry
//   regulatory stage 2 points when a product of the company meets the need's required stage
//   text             up to 4 points: trigram similarity of names/tags plus long words in common
// Each row carries the parts of its score, so the page can say why it matched.
import { sql, type RawBuilder } from 'kysely';
import type { Executor } from '../db';
import { productMeetsStage } from '../directory/stage-match';
import { todayInSeoul } from './repository';
import { needOpenToOrganization, visibleNeedsFor, type Viewer } from './visibility';

export type MatchReasons = {
	shared_terms: { name_ko: string; name_en: string }[];
	stage_met: boolean;
	required_stage: string;
	text_score: number;
	score: number;
};

const STAGE_MET = productMeetsStage(sql`n.required_stage`);

/** Scored (need n, organisation o) pairs: `where` picks which pairs are considered. */
function scoredPairs(where: RawBuilder<unknown>, order: RawBuilder<unknown>, limit: number) {
	return sql`
		select n.id as need_id, o.id as org_id, s.shared_terms, s.stage_met, n.required_stage,
			round((s.text_score)::numeric, 3)::float8 as text_score,
			round((jsonb_array_length(s.shared_terms) * 2 + case when s.stage_met then 2 else 0 end + s.text_score)::numeric, 3)::float8 as score
		from needs n
		join organizations h on h.id = n.hospital_org_id
		cross join organizations o
		cross join lateral (
			select
				coalesce((select jsonb_agg(jsonb_build_object('name_ko', t.name_ko, 'name_en', t.name_en) order by t.vocabulary desc, t.sort_order)
					from organization_terms ot join taxonomy_terms t on t.id = ot.term_id
					where ot.org_id = o.id and (t.id = n.department_term_id or t.id in (select nt.term_id from need_terms nt where nt.need_id = n.id))), '[]'::jsonb) as shared_terms,
				(n.required_stage <> 'none' and exists (select 1 from products p where p.org_id = o.id and (${STAGE_MET}))) as stage_met,
				(similarity(n.search_text, o.search_text) * 2
					+ least(cardinality(array(
						select w from unnest(tsvector_to_array(n.search_words)) w where length(w) >= 4
						intersect select w from unnest(tsvector_to_array(o.search_words)) w)), 10) * 0.2) as text_score
		) s
		where o.kind = 'company' and o.id <> n.hospital_org_id and ${needOpenToOrganization('n', 'o')} and ${where}
			and (jsonb_array_length(s.shared_terms) > 0 or s.stage_met or s.text_score >= 0.3)
		order by ${order}
		limit ${limit}`;
}

export type CompanyMatch = MatchReasons & { org_id: string; slug: string; name_ko: string; name_en: string };

/** Ranked verified companies for a need the viewer may see (none when it is not visible to them). */
export async function matchCompaniesForNeed(
	db: Executor,
	viewer: Viewer,
	needId: string,
	limit = 10
): Promise<CompanyMatch[]> {
	const pairs = scoredPairs(
		sql`n.id = ${needId} and ${visibleNeedsFor(viewer, 'n')}`,
		sql`score desc, o.name_en`,
		limit
	);
	const result = await sql<CompanyMatch>`
		select m.*, o.slug, o.name_ko, o.name_en from (${pairs}) m join organizations o on o.id = m.org_id order by m.score desc, o.name_en`.execute(
		db
	);
	return result.rows;
}

export type NeedMatch = MatchReasons & {
	need_id: string;
	title_ko: string;
	title_en: string;
	locale: 'ko' | 'en';
	hospital_name_ko: string;
	hospital_name_en: string;
	deadline: string | null;
	type: string;
};

/** Ranked open needs for a company, among those both the viewer and the company may see. */
export async function matchNeedsForCompany(
	db: Executor,
	viewer: Viewer,
	orgId: string,
	limit = 10
): Promise<NeedMatch[]> {
	const pairs = scoredPairs(
		sql`o.id = ${orgId} and n.status = 'open' and (n.deadline is null or n.deadline >= ${todayInSeoul()}::date) and ${visibleNeedsFor(viewer, 'n')}`,
		sql`score desc, n.created_at desc`,
		limit
	);
	const result = await sql<NeedMatch>`
		select m.*, n.title_ko, n.title_en, n.locale, n.deadline, n.type, h.name_ko as hospital_name_ko, h.name_en as hospital_name_en
		from (${pairs}) m join needs n on n.id = m.need_id join organizations h on h.id = n.hospital_org_id
		order by m.score desc, n.created_at desc`.execute(db);
	return result.rows;
}
