// Need-response threads with messages the user has not read, on either side (the signed-in home).
import { sql } from 'kysely';
import type { Executor } from '../db';

export type UnreadThread = { response_id: string; need_id: string; title_ko: string; title_en: string; unread: number };

/**
 * The same sides as needs/access: the responding company's members, and on the hospital side its
 * admins, the need's author (while a member) and the need's reviewers.
 */
export async function listUnreadThreads(db: Executor, userId: string, limit = 5): Promise<UnreadThread[]> {
	const result = await sql<UnreadThread>`
		select r.id as response_id, n.id as need_id, n.title_ko, n.title_en, count(msg.id)::int as unread
		from need_responses r
		join needs n on n.id = r.need_id
		join need_response_messages msg on msg.response_id = r.id
			and msg.author_id is distinct from ${userId}
			and msg.created_at > coalesce((select last_read_at from need_response_reads rr where rr.response_id = r.id and rr.user_id = ${userId}), '-infinity')
		where exists (select 1 from memberships mm where mm.user_id = ${userId} and mm.org_id = r.org_id)
			or exists (select 1 from memberships mh where mh.user_id = ${userId} and mh.org_id = n.hospital_org_id and (mh.role in ('owner', 'admin') or n.author_id = ${userId}))
			or exists (select 1 from need_reviewers nr where nr.need_id = n.id and nr.user_id = ${userId})
		group by r.id, n.id, n.title_ko, n.title_en
		order by max(msg.created_at) desc
		limit ${limit}`.execute(db);
	return result.rows;
}
