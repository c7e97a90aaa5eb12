// Directory search: verified organisations only, text + filters, facet counts over the same match.
import { sql, type RawBuilder } from 'kysely';
import type { Executor } from '../db';
import type { DirectoryQuery, RegulatoryStage } from './schemas';
import { parseQuery, toTsQuery } from './text-search';
import { REGIONS, regionNames, regionsMatching } from '$lib/regions';
import { hangulBigrams } from './text-search';

/**
 * A place word also matches organisations in that region, and texts that name the place in the other
 * language: 원주 and Wonju find the same organisations (issue 21).
 */
const orRegion = (condition: RawBuilder<unknown>, word: string) => {
	const values = regionsMatching(word);
	if (!values.length) return condition;
	const names = [
		...new Set(
			REGIONS.filter((r) => values.includes(r.value) && regionNames(r).includes(word.toLowerCase())).flatMap((r) => [
				r.ko,
				r.en,
				...(r.aliases ?? [])
			])
		)
	]
		.map((n) => n.toLowerCase())
		// Single words only: "강원 (원주)" is covered by its aliases 원주 / wonju.
		.filter((n) => /^[\p{L}\p{N}]+$/u.test(n));
	const alternatives = names.map((name) =>
		/^[\uac00-\ud7a3]+$/.test(name)
			? sql`o.search_bigrams @@ to_tsquery('simple', ${toTsQuery(hangulBigrams(name))})`
			: sql`o.search_words @@ to_tsquery('simple', ${toTsQuery([name], true)})`
	);
	return sql`(${condition} or o.region in (${sql.join(values)})${alternatives.length ? sql` or ${sql.join(alternatives, sql` or `)}` : sql``})`;
};
const bigramsText = (bigrams: string[]) =>
	bigrams.length
		? bigrams[0] +
			bigrams
				.slice(1)
				.map((b) => [...b].slice(1).join(''))
				.join('')
		: '';

export const PAGE_SIZE = 20;

const STAGE_CONDITION: Record<RegulatoryStage, RawBuilder<unknown>> = {
	mfds_approved: sql`p.mfds_status = 'approved'`,
	mfds_in_review: sql`p.mfds_status = 'in_review'`,
	fda_cleared: sql`p.fda_status = 'cleared'`,
	ce_marked: sql`p.ce_class <> 'none'`,
	clinical_trial: sql`p.clinical_stage in ('pilot', 'pivotal')`
};

function matchConditions(query: DirectoryQuery) {
	const parsed = parseQuery(query.q);
	const conditions: RawBuilder<unknown>[] = [sql`o.status = 'verified'`];
	for (const token of parsed.hangul) {
		const tsquery = token.prefix ? toTsQuery([token.prefix], true) : toTsQuery(token.bigrams);
		conditions.push(
			orRegion(sql`o.search_bigrams @@ to_tsquery('simple', ${tsquery})`, token.prefix ?? bigramsText(token.bigrams))
		);
	}
	for (const word of parsed.words) {
		// A prefix of a word, or close enough to a name, tag or product to be a typo of it.
		conditions.push(
			orRegion(
				sql`(o.search_words @@ to_tsquery('simple', ${toTsQuery([word], true)}) or ${word}::text <% o.search_text)`,
				word
			)
		);
	}
	if (query.kind.length) conditions.push(sql`o.kind in (${sql.join(query.kind)})`);
	if (query.region.length) conditions.push(sql`o.region in (${sql.join(query.region)})`);
	for (const slug of query.tag) {
		conditions.push(
			sql`exists (select 1 from organization_terms ot join taxonomy_terms t on t.id = ot.term_id where ot.org_id = o.id and t.slug = ${slug})`
		);
	}
	if (query.stage.length) {
		const any = sql.join(
			query.stage.map((s) => STAGE_CONDITION[s]),
			sql` or `
		);
		conditions.push(sql`exists (select 1 from products p where p.org_id = o.id and (${any}))`);
	}
	if (query.partners) conditions.push(sql`o.looking_for_partners`);
	if (query.investment) conditions.push(sql`o.raising_investment`);

	const words = parsed.words.length ? toTsQuery(parsed.words, true) : null;
	const bigrams = parsed.hangul.flatMap((h) => h.bigrams);
	const q = query.q.toLowerCase();
	const rank = query.q
		? sql`(${words ? sql`ts_rank_cd(o.search_words, to_tsquery('simple', ${words}))` : sql`0`}
			+ ${bigrams.length ? sql`ts_rank_cd(o.search_bigrams, to_tsquery('simple', ${toTsQuery(bigrams)}))` : sql`0`}
			+ word_similarity(${q}::text, o.search_text)
			+ case when lower(o.name_en) = ${q}::text or o.name_ko = ${q}::text then 3
				when lower(o.name_en) like ${q}::text || '%' or o.name_ko like ${q}::text || '%' then 1.5
				when o.search_text like '%' || ${q}::text || '%' then 0.5 else 0 end)`
		: sql`0`;
	return { where: sql.join(conditions, sql` and `), rank };
}

// Names sort in the reader's language (Korean collation is by syllable in both databases).
const orderFor = (sort: DirectoryQuery['sort'], locale: 'ko' | 'en') => {
	const name = locale === 'ko' ? sql`o.name_ko` : sql`lower(o.name_en)`;
	if (sort === 'newest') return sql`o.created_at desc, ${name}`;
	if (sort === 'relevance') return sql`m.rank desc, ${name}`;
	return name;
};

export type FacetRow = { facet: 'total' | 'kind' | 'region' | 'tag' | 'stage' | 'flag'; value: string; count: number };

export async function searchOrganizations(db: Executor, query: DirectoryQuery, locale: 'ko' | 'en' = 'en') {
	const { where, rank } = matchConditions(query);
	const matched = sql`matched as (select o.id, ${rank} as rank from organizations o where ${where})`;
	const sort = orderFor(query.sort === 'relevance' && !query.q ? 'name' : query.sort, locale);
	const rows = await sql<{
		id: string;
		slug: string;
		kind: string;
		name_ko: string;
		name_en: string;
		summary_ko: string;
		summary_en: string;
		region: string;
		logo_upload_id: string | null;
		looking_for_partners: boolean;
		raising_investment: boolean;
		tags: { slug: string; name_ko: string; name_en: string }[];
	}>`
		with ${matched}
		select o.id, o.slug, o.kind, o.name_ko, o.name_en, o.summary_ko, o.summary_en, o.region, o.logo_upload_id,
			o.looking_for_partners, o.raising_investment,
			coalesce((select json_agg(json_build_object('slug', t.slug, 'name_ko', t.name_ko, 'name_en', t.name_en) order by t.vocabulary, t.sort_order)
				from (select t.* from organization_terms ot join taxonomy_terms t on t.id = ot.term_id where ot.org_id = o.id
					order by t.vocabulary desc, t.sort_order limit 4) t), '[]') as tags
		from matched m join organizations o on o.id = m.id
		order by ${sort}
		limit ${PAGE_SIZE} offset ${(query.page - 1) * PAGE_SIZE}`.execute(db);
	return rows.rows;
}

export async function directoryFacets(db: Executor, query: DirectoryQuery): Promise<FacetRow[]> {
	const { where } = matchConditions({ ...query, q: query.q });
	const result = await sql<FacetRow>`
		with matched as (select o.id, o.kind, o.region, o.looking_for_partners, o.raising_investment from organizations o where ${where})
		select 'total' as facet, '' as value, count(*)::int as count from matched
		union all select 'kind', kind, count(*)::int from matched group by kind
		union all select 'region', region, count(*)::int from matched where region <> '' group by region
		union all select 'tag', t.slug, count(*)::int from organization_terms ot join matched m on m.id = ot.org_id join taxonomy_terms t on t.id = ot.term_id group by t.slug
		union all select 'stage', s.stage, count(distinct p.org_id)::int from products p join matched m on m.id = p.org_id
			cross join lateral (values ('mfds_approved', p.mfds_status = 'approved'), ('mfds_in_review', p.mfds_status = 'in_review'),
				('fda_cleared', p.fda_status = 'cleared'), ('ce_marked', p.ce_class <> 'none'), ('clinical_trial', p.clinical_stage in ('pilot', 'pivotal'))) s(stage, ok)
			where s.ok group by s.stage
		union all select 'flag', 'partners', count(*)::int from matched where looking_for_partners
		union all select 'flag', 'investment', count(*)::int from matched where raising_investment`.execute(db);
	return result.rows;
}
