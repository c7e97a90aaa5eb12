// Queries on responses, reviewer notes, thread messages and read markers.
import { sql } from 'kysely';
import type { Executor } from '../db';
import type { ResponseStatus } from '../db/needs-types';

export function insertResponse(
	db: Executor,
	values: { need_id: string; org_id: string; author_id: string; message: string; product_ids: string[] }
) {
	return db.insertInto('need_responses').values(values).returningAll().executeTakeFirstOrThrow();
}

export function findResponse(db: Executor, id: string) {
	return db.selectFrom('need_responses').selectAll().where('id', '=', id).executeTakeFirst();
}

export function lockResponse(db: Executor, id: string) {
	return db.selectFrom('need_responses').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export function updateResponseStatus(
	db: Executor,
	id: string,
	status: ResponseStatus,
	reason: string | null,
	actorId: string
) {
	return db
		.updateTable('need_responses')
		.set({ status, decision_reason: reason, decided_by: actorId, decided_at: new Date(), updated_at: new Date() })
		.where('id', '=', id)
		.returningAll()
		.executeTakeFirstOrThrow();
}

export type ResponseSummary = {
	id: string;
	need_id: string;
	org_id: string;
	org_slug: string;
	org_name_ko: string;
	org_name_en: string;
	author_name: string | null;
	message: string;
	status: ResponseStatus;
	decision_reason: string | null;
	created_at: Date;
	unread: number;
	message_count: number;
	products: { id: string; name_ko: string; name_en: string }[];
};

/** Responses to a need, with products and the reader's unread count; `orgId` limits them to one company's. */
export async function listResponses(db: Executor, needId: string, readerId: string, orgId?: string) {
	const result = await sql<ResponseSummary>`
		select r.id, r.need_id, r.org_id, o.slug as org_slug, o.name_ko as org_name_ko, o.name_en as org_name_en, u.name as author_name,
			r.message, r.status, r.decision_reason, r.created_at,
			(select count(*)::int from need_response_messages mm where mm.response_id = r.id) as message_count,
			(select count(*)::int from need_response_messages mm
				where mm.response_id = r.id and mm.author_id is distinct from ${readerId}
				and mm.created_at > coalesce((select last_read_at from need_response_reads rr where rr.response_id = r.id and rr.user_id = ${readerId}), '-infinity')) as unread,
			coalesce((select json_agg(json_build_object('id', p.id, 'name_ko', p.name_ko, 'name_en', p.name_en) order by p.sort_order)
				from products p where p.id = any(r.product_ids) and p.org_id = r.org_id), '[]') as products
		from need_responses r
		join organizations o on o.id = r.org_id
		left join users u on u.id = r.author_id
		where r.need_id = ${needId} ${orgId ? sql`and r.org_id = ${orgId}` : sql``}
		order by case r.status when 'accepted' then 0 when 'shortlisted' then 1 when 'submitted' then 2 else 3 end, r.created_at`.execute(
		db
	);
	return result.rows;
}

export function insertNote(db: Executor, values: { response_id: string; author_id: string; body: string }) {
	return db.insertInto('need_response_notes').values(values).returningAll().executeTakeFirstOrThrow();
}

/** Reviewer notes of the responses of a need (hospital side only: callers check). */
export function listNotes(db: Executor, needId: string) {
	return db
		.selectFrom('need_response_notes as n')
		.innerJoin('need_responses as r', 'r.id', 'n.response_id')
		.leftJoin('users as u', 'u.id', 'n.author_id')
		.select(['n.id', 'n.response_id', 'n.body', 'n.created_at', 'u.name as author_name'])
		.where('r.need_id', '=', needId)
		.orderBy('n.created_at')
		.execute();
}

export async function insertMessage(db: Executor, values: { response_id: string; author_id: string; body: string }) {
	const row = await db.insertInto('need_response_messages').values(values).returningAll().executeTakeFirstOrThrow();
	const author = await db.selectFrom('users').select('name').where('id', '=', values.author_id).executeTakeFirst();
	return { ...row, author_name: author?.name ?? null };
}

/** One message with its author's name (for the live push after commit). */
export function findMessage(db: Executor, id: string) {
	return db
		.selectFrom('need_response_messages as m')
		.leftJoin('users as u', 'u.id', 'm.author_id')
		.select(['m.id', 'm.response_id', 'm.author_id', 'm.body', 'm.created_at', 'u.name as author_name'])
		.where('m.id', '=', id)
		.executeTakeFirst();
}

export function listMessages(db: Executor, responseId: string) {
	return db
		.selectFrom('need_response_messages as m')
		.leftJoin('users as u', 'u.id', 'm.author_id')
		.select(['m.id', 'm.response_id', 'm.author_id', 'm.body', 'm.created_at', 'u.name as author_name'])
		.where('m.response_id', '=', responseId)
		.orderBy('m.created_at')
		.orderBy('m.id')
		.limit(500)
		.execute();
}

/** Marks the thread read up to its newest message (by the database's clock, microseconds included). */
export async function markThreadRead(db: Executor, responseId: string, userId: string) {
	const newest = sql<Date>`coalesce((select max(created_at) from need_response_messages where response_id = ${responseId}), now())`;
	await db
		.insertInto('need_response_reads')
		.values({ response_id: responseId, user_id: userId, last_read_at: newest })
		.onConflict((oc) =>
			oc
				.columns(['response_id', 'user_id'])
				.doUpdateSet({ last_read_at: sql`greatest(need_response_reads.last_read_at, excluded.last_read_at)` })
		)
		.execute();
}

/** Messages from others the user has not read in one thread. */
export async function countUnreadInThread(db: Executor, responseId: string, userId: string): Promise<number> {
	const result = await sql<{ count: number }>`
		select count(*)::int as count from need_response_messages m
		where m.response_id = ${responseId} and m.author_id is distinct from ${userId}
			and m.created_at > coalesce((select last_read_at from need_response_reads r where r.response_id = ${responseId} and r.user_id = ${userId}), '-infinity')`.execute(
		db
	);
	return result.rows[0]?.count ?? 0;
}
