// Who may do what with programmes: call managers (operators, agency staff), applicant admins, reviewers.
import type { Executor } from '../db';
import type { ProgrammeCallRow } from '../db/programmes-types';
import type { Actor } from '../orgs/access';
import { NotCallManagerError, NotCompanyAdminError } from './errors';

/** Verified agencies the user works at: the organisations they may run calls for. */
export async function listManagedAgencies(db: Executor, actor: Actor) {
	let query = db
		.selectFrom('organizations as o')
		.select(['o.id', 'o.name_ko', 'o.name_en'])
		.where('o.kind', '=', 'agency')
		.where('o.status', '=', 'verified');
	if (!actor.isOperator)
		query = query.where('o.id', 'in', db.selectFrom('memberships').select('org_id').where('user_id', '=', actor.id));
	return query.orderBy('o.name_en').execute();
}

export async function isCallManager(
	db: Executor,
	actor: Actor,
	call: Pick<ProgrammeCallRow, 'org_id'>
): Promise<boolean> {
	if (actor.isOperator) return true;
	const membership = await db
		.selectFrom('memberships')
		.select('role')
		.where('org_id', '=', call.org_id)
		.where('user_id', '=', actor.id)
		.executeTakeFirst();
	return membership !== undefined;
}

export async function requireCallManager(
	db: Executor,
	actor: Actor,
	call: Pick<ProgrammeCallRow, 'org_id'>
): Promise<void> {
	if (!(await isCallManager(db, actor, call))) throw new NotCallManagerError();
}

/** Organisations whose owner or admin the user is: those they may apply for. */
export async function listAdminOrgs(db: Executor, userId: string) {
	return db
		.selectFrom('memberships as m')
		.innerJoin('organizations as o', 'o.id', 'm.org_id')
		.select(['o.id', 'o.name_ko', 'o.name_en', 'o.kind'])
		.where('m.user_id', '=', userId)
		.where('m.role', 'in', ['owner', 'admin'])
		.orderBy('o.name_en')
		.execute();
}

export async function requireCompanyAdmin(db: Executor, actor: Actor, orgId: string): Promise<void> {
	const row = await db
		.selectFrom('memberships')
		.select('role')
		.where('org_id', '=', orgId)
		.where('user_id', '=', actor.id)
		.where('role', 'in', ['owner', 'admin'])
		.executeTakeFirst();
	if (!row) throw new NotCompanyAdminError();
}

export async function isMemberOf(db: Executor, userId: string, orgId: string): Promise<boolean> {
	return (
		(await db
			.selectFrom('memberships')
			.select('role')
			.where('org_id', '=', orgId)
			.where('user_id', '=', userId)
			.executeTakeFirst()) !== undefined
	);
}
