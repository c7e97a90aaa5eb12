// Queries on needs: every read that a viewer triggers goes through `visibleNeedsFor`.
import { sql, type RawBuilder } from 'kysely';
import type { Executor } from '../db';
import type { NeedsTable } from '../db/needs-types';
import type { Insertable } from 'kysely';
import { buildSearchDocument, parseQuery, toTsQuery } from '../directory/text-search';
import type { NeedsQuery } from './schemas';
import { visibleNeedsFor, type Viewer } from './visibility';
import { dateTimeFormat } from '$lib/intl-cache';
import { DEFAULT_TIME_ZONE } from '$lib/time-zone';

export const PAGE_SIZE = 20;

/** Deadlines are calendar days in Korea, where the alliance works. */
export const todayInSeoul = (now = new Date()) => dateTimeFormat('en-CA', { timeZone: DEFAULT_TIME_ZONE }).format(now);

export function insertNeed(db: Executor, values: Insertable<NeedsTable>) {
	return db.insertInto('needs').values(values).returningAll().executeTakeFirstOrThrow();
}

export async function addNeedTerms(db: Executor, needId: string, termIds: string[]) {
	if (termIds.length === 0) return;
	await db
		.insertInto('need_terms')
		.columns(['need_id', 'term_id'])
		.expression((eb) =>
			eb
				.selectFrom('taxonomy_terms')
				.select([eb.val(needId).as('need_id'), 'id'])
				.where('id', 'in', termIds)
				.where('vocabulary', 'in', ['field', 'capability'])
		)
		.onConflict((oc) => oc.doNothing())
		.execute();
}

/** Invites only verified organisations other than the posting hospital; returns the ids invited. */
export async function addInvitations(
	db: Executor,
	needId: string,
	hospitalOrgId: string,
	orgIds: string[]
): Promise<string[]> {
	if (orgIds.length === 0) return [];
	const rows = await db
		.insertInto('need_invitations')
		.columns(['need_id', 'org_id'])
		.expression((eb) =>
			eb
				.selectFrom('organizations')
				.select([eb.val(needId).as('need_id'), 'id'])
				.where('id', 'in', orgIds)
				.where('status', '=', 'verified')
				.where('id', '<>', hospitalOrgId)
		)
		.onConflict((oc) => oc.doNothing())
		.returning('org_id')
		.execute();
	return rows.map((r) => r.org_id);
}

/** Keeps a need's search columns current; called in the transaction that writes the need. */
export async function refreshNeedSearch(db: Executor, needId: string) {
	const need = await db
		.selectFrom('needs')
		.innerJoin('organizations as h', 'h.id', 'needs.hospital_org_id')
		.leftJoin('taxonomy_terms as d', 'd.id', 'needs.department_term_id')
		.select([
			'needs.title_ko',
			'needs.title_en',
			'needs.description_ko',
			'needs.description_en',
			'needs.evidence_note',
			'needs.support_note',
			'h.name_ko',
			'h.name_en',
			'd.name_ko as dept_ko',
			'd.name_en as dept_en'
		])
		.where('needs.id', '=', needId)
		.executeTakeFirstOrThrow();
	const terms = await db
		.selectFrom('need_terms')
		.innerJoin('taxonomy_terms as t', 't.id', 'need_terms.term_id')
		.select(['t.name_ko', 't.name_en'])
		.where('need_id', '=', needId)
		.execute();
	const doc = buildSearchDocument({
		names: [need.title_ko, need.title_en, need.name_ko, need.name_en],
		tags: [need.dept_ko ?? '', need.dept_en ?? '', ...terms.flatMap((t) => [t.name_ko, t.name_en])],
		products: [],
		texts: [need.description_ko, need.description_en, need.evidence_note, need.support_note]
	});
	await db
		.updateTable('needs')
		.set({
			search_words: sql`to_tsvector('simple', ${doc.words})`,
			search_bigrams: sql`to_tsvector('simple', ${doc.bigrams})`,
			search_text: doc.trigramText
		})
		.where('id', '=', needId)
		.execute();
}

/** A need without any visibility check: for services that check access themselves. */
export function findNeed(db: Executor, id: string) {
	return db.selectFrom('needs').selectAll().where('id', '=', id).executeTakeFirst();
}

const summaryColumns = sql`n.id, n.type, n.status, n.visibility, n.locale, n.title_ko, n.title_en, n.deadline, n.created_at, n.required_stage,
	n.support_budget, n.support_patients, n.support_data, n.support_space,
	h.slug as hospital_slug, h.name_ko as hospital_name_ko, h.name_en as hospital_name_en,
	d.slug as department_slug, d.name_ko as department_name_ko, d.name_en as department_name_en`;

export type NeedSummary = {
	id: string;
	type: string;
	status: string;
	visibility: string;
	locale: 'ko' | 'en';
	title_ko: string;
	title_en: string;
	deadline: string | null;
	created_at: Date;
	required_stage: string;
	support_budget: boolean;
	support_patients: boolean;
	support_data: boolean;
	support_space: boolean;
	hospital_slug: string;
	hospital_name_ko: string;
	hospital_name_en: string;
	department_slug: string | null;
	department_name_ko: string | null;
	department_name_en: string | null;
	saved: boolean;
};

function queryConditions(viewer: Viewer, query: NeedsQuery, today: string): RawBuilder<unknown>[] {
	const conditions: RawBuilder<unknown>[] = [visibleNeedsFor(viewer, 'n')];
	const parsed = parseQuery(query.q);
	for (const token of parsed.hangul) {
		const tsquery = token.prefix ? toTsQuery([token.prefix], true) : toTsQuery(token.bigrams);
		conditions.push(sql`n.search_bigrams @@ to_tsquery('simple', ${tsquery})`);
	}
	for (const word of parsed.words) {
		conditions.push(
			sql`(n.search_words @@ to_tsquery('simple', ${toTsQuery([word], true)}) or ${word}::text <% n.search_text)`
		);
	}
	if (query.department) conditions.push(sql`d.slug = ${query.department}`);
	if (query.type) conditions.push(sql`n.type = ${query.type}`);
	if (query.status === 'open')
		conditions.push(sql`n.status = 'open' and (n.deadline is null or n.deadline >= ${today}::date)`);
	if (query.deadline === 'week') conditions.push(sql`n.deadline between ${today}::date and ${today}::date + 7`);
	if (query.deadline === 'month') conditions.push(sql`n.deadline between ${today}::date and ${today}::date + 31`);
	if (query.deadline === 'open') conditions.push(sql`n.deadline is null`);
	if (query.saved && viewer)
		conditions.push(sql`exists (select 1 from saved_needs s where s.need_id = n.id and s.user_id = ${viewer.id})`);
	return conditions;
}

/** One page of the needs the viewer may see, newest first (or by relevance when searching). */
export async function listNeeds(db: Executor, viewer: Viewer, query: NeedsQuery, today: string) {
	const where = sql.join(queryConditions(viewer, query, today), sql` and `);
	const words = parseQuery(query.q).words;
	const rank = words.length
		? sql`ts_rank_cd(n.search_words, to_tsquery('simple', ${toTsQuery(words, true)})) + word_similarity(${query.q.toLowerCase()}::text, n.search_text) desc,`
		: sql``;
	const result = await sql<NeedSummary & { total: number }>`
		select ${summaryColumns},
			${viewer ? sql`exists (select 1 from saved_needs s where s.need_id = n.id and s.user_id = ${viewer.id})` : sql`false`} as saved,
			count(*) over ()::int as total
		from needs n
		join organizations h on h.id = n.hospital_org_id
		left join taxonomy_terms d on d.id = n.department_term_id
		where ${where}
		order by ${rank} n.created_at desc, n.id
		limit ${PAGE_SIZE} offset ${(query.page - 1) * PAGE_SIZE}`.execute(db);
	return { needs: result.rows, total: result.rows[0]?.total ?? 0 };
}

/** One need as its reader sees it, or undefined when it does not exist or is not visible to them. */
export async function findVisibleNeed(db: Executor, viewer: Viewer, id: string) {
	const result = await sql<
		NeedSummary & {
			hospital_org_id: string;
			author_id: string | null;
			author_name: string | null;
			description_ko: string;
			description_en: string;
			evidence_note: string;
			support_note: string;
			matched_response_id: string | null;
		}
	>`
		select ${summaryColumns}, n.hospital_org_id, n.author_id, u.name as author_name, n.description_ko, n.description_en,
			n.evidence_note, n.support_note, n.matched_response_id,
			${viewer ? sql`exists (select 1 from saved_needs s where s.need_id = n.id and s.user_id = ${viewer.id})` : sql`false`} as saved
		from needs n
		join organizations h on h.id = n.hospital_org_id
		left join taxonomy_terms d on d.id = n.department_term_id
		left join users u on u.id = n.author_id
		where n.id = ${id} and ${visibleNeedsFor(viewer, 'n')}`.execute(db);
	return result.rows[0];
}

export function listNeedTerms(db: Executor, needId: string) {
	return db
		.selectFrom('need_terms')
		.innerJoin('taxonomy_terms as t', 't.id', 'need_terms.term_id')
		.select(['t.id', 't.slug', 't.name_ko', 't.name_en'])
		.where('need_id', '=', needId)
		.orderBy('t.sort_order')
		.execute();
}

export function listInvitedOrganizations(db: Executor, needId: string) {
	return db
		.selectFrom('need_invitations')
		.innerJoin('organizations as o', 'o.id', 'need_invitations.org_id')
		.select(['o.id', 'o.slug', 'o.name_ko', 'o.name_en'])
		.where('need_id', '=', needId)
		.orderBy('o.name_en')
		.execute();
}

export async function setSaved(db: Executor, userId: string, needId: string, saved: boolean) {
	if (saved)
		await db
			.insertInto('saved_needs')
			.values({ user_id: userId, need_id: needId })
			.onConflict((oc) => oc.doNothing())
			.execute();
	else await db.deleteFrom('saved_needs').where('user_id', '=', userId).where('need_id', '=', needId).execute();
}
