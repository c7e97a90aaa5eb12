// Who stands where around an IR session: who may attend (by its access rule), who runs it (startup
// admins, presenters, the moderator, operators) and who may read the pitch deck.
import { sql, type RawBuilder } from 'kysely';
import type { Executor } from '../db';
import type { IrAccess, IrEventRow } from '../db/ir-types';
import type { Actor } from '../orgs/access';
import { listVerifiedMemberships } from '../common/verified-memberships';

export type Viewer = Actor | null;
type EventRef = Pick<IrEventRow, 'id' | 'org_id' | 'access' | 'moderator_id' | 'nda_required' | 'nda_version'>;

const NO_USER = '00000000-0000-0000-0000-000000000000';

/**
 * The one rule of who sees a session in lists and in full: for visitors, open sessions; for users,
 * sessions they may attend plus the ones they run (startup members, presenters, the moderator);
 * operators see all. `e` is the ir_events alias.
 */
export function visibleTo(viewer: Viewer): RawBuilder<boolean> {
	if (!viewer) return sql<boolean>`e.access = 'open'`;
	if (viewer.isOperator) return sql<boolean>`true`;
	const user = viewer.id;
	return sql<boolean>`(
		e.access = 'open'
		or (e.access = 'members' and exists (select 1 from memberships vm join organizations vo on vo.id = vm.org_id where vm.user_id = ${user} and vo.status = 'verified'))
		or (e.access = 'investors' and exists (select 1 from memberships vm join organizations vo on vo.id = vm.org_id where vm.user_id = ${user} and vo.status = 'verified' and vo.kind = 'investor'))
		or e.moderator_id = ${user}
		or exists (select 1 from memberships sm where sm.org_id = e.org_id and sm.user_id = ${user})
		or exists (select 1 from ir_event_presenters p where p.event_id = e.id and p.user_id = ${user})
	)`;
}

/** Verified investor organisations the user belongs to (oldest membership first). */
export const listInvestorOrgs = (db: Executor, userId: string) => listVerifiedMemberships(db, userId, ['investor']);

/** The verified organisation a registrant attends for: an investor firm first, else any verified one. */
export async function attendingOrgId(db: Executor, userId: string): Promise<string | null> {
	const row = await db
		.selectFrom('memberships')
		.innerJoin('organizations as o', 'o.id', 'memberships.org_id')
		.select('o.id')
		.where('memberships.user_id', '=', userId)
		.where('o.status', '=', 'verified')
		.orderBy(sql`case when o.kind = 'investor' then 0 else 1 end`)
		.orderBy('memberships.created_at')
		.executeTakeFirst();
	return row?.id ?? null;
}

/** Why the user may not attend under the access rule, or null when they may. */
export async function attendRefusal(
	db: Executor,
	userId: string,
	access: IrAccess
): Promise<'investors' | 'members' | null> {
	if (access === 'open') return null;
	const orgs = await listVerifiedMemberships(db, userId);
	if (access === 'investors') return orgs.some((o) => o.kind === 'investor') ? null : 'investors';
	return orgs.length > 0 ? null : 'members';
}

export type EventRole = {
	operator: boolean;
	startupMember: boolean;
	startupAdmin: boolean;
	presenter: boolean;
	moderator: boolean;
	/** An active (not cancelled) registration. */
	registered: boolean;
	/** Registered and accepted the session's current NDA (or the session has none). */
	ndaCurrent: boolean;
	/** May read analytics and the Q&A export. */
	team: boolean;
	/** May edit and cancel. */
	manager: boolean;
	/** May download the pitch deck. */
	deck: boolean;
};

export async function eventRole(db: Executor, viewer: Viewer, event: EventRef): Promise<EventRole> {
	const userId = viewer?.id ?? NO_USER;
	const [membership, presenter, registration] = await Promise.all([
		db
			.selectFrom('memberships')
			.select('role')
			.where('org_id', '=', event.org_id)
			.where('user_id', '=', userId)
			.executeTakeFirst(),
		db
			.selectFrom('ir_event_presenters')
			.select('user_id')
			.where('event_id', '=', event.id)
			.where('user_id', '=', userId)
			.executeTakeFirst(),
		db
			.selectFrom('ir_registrations')
			.select(['nda_version', 'cancelled_at'])
			.where('event_id', '=', event.id)
			.where('user_id', '=', userId)
			.executeTakeFirst()
	]);
	const operator = viewer?.isOperator ?? false;
	const startupAdmin = membership?.role === 'owner' || membership?.role === 'admin';
	const isPresenter = presenter !== undefined;
	const moderator = viewer !== null && event.moderator_id === viewer.id;
	const registered = registration !== undefined && registration.cancelled_at === null;
	const ndaCurrent = registered && (!event.nda_required || registration!.nda_version === event.nda_version);
	return {
		operator,
		startupMember: membership !== undefined,
		startupAdmin,
		presenter: isPresenter,
		moderator,
		registered,
		ndaCurrent,
		team: operator || startupAdmin || isPresenter || moderator,
		manager: operator || startupAdmin,
		deck: operator || isPresenter || moderator || ndaCurrent
	};
}
