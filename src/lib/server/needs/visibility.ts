// Who may see a need: the one rule every list, detail, search, match, API and notification path uses.
//   all_members    → members of any verified organisation
//   companies_only → members of verified companies
//   invited        → members of the verified organisations invited to it
// and always the members of the posting hospital (and operators).
import { sql, type RawBuilder } from 'kysely';
import type { Executor } from '../db';

export type Viewer = { id: string; isOperator: boolean } | null;

/** True when the organisation row `org` (an alias with id, kind, status) may see the need row `need`. */
export function needOpenToOrganization(need = 'needs', org = 'o'): RawBuilder<boolean> {
	const n = (column: string) => sql.ref(`${need}.${column}`);
	const o = (column: string) => sql.ref(`${org}.${column}`);
	return sql<boolean>`(${o('status')} = 'verified' and (
		${n('visibility')} = 'all_members'
		or (${n('visibility')} = 'companies_only' and ${o('kind')} = 'company')
		or (${n('visibility')} = 'invited' and exists (select 1 from need_invitations vi where vi.need_id = ${n('id')} and vi.org_id = ${o('id')}))
	))`;
}

/** The predicate for `where`: the need row `need` is visible to `viewer` (nobody signed in sees none). */
export function visibleNeedsFor(viewer: Viewer, need = 'needs'): RawBuilder<boolean> {
	if (!viewer) return sql<boolean>`false`;
	if (viewer.isOperator) return sql<boolean>`true`;
	return sql<boolean>`exists (
		select 1 from memberships vm join organizations vo on vo.id = vm.org_id
		where vm.user_id = ${viewer.id}
			and (vm.org_id = ${sql.ref(`${need}.hospital_org_id`)} or ${needOpenToOrganization(need, 'vo')})
	)`;
}

/** Whether a user (by id) may see one need: used before every notification. */
export async function canSeeNeed(db: Executor, userId: string, needId: string): Promise<boolean> {
	const user = await db
		.selectFrom('users')
		.select(['id', 'is_operator', 'disabled_at'])
		.where('id', '=', userId)
		.executeTakeFirst();
	if (!user || user.disabled_at) return false;
	const row = await db
		.selectFrom('needs')
		.select('needs.id')
		.where('needs.id', '=', needId)
		.where(visibleNeedsFor({ id: user.id, isOperator: user.is_operator }))
		.executeTakeFirst();
	return row !== undefined;
}
