// Who manages a course: the owners/admins of its provider organisation, the staff appointed to it
// in course_managers, and operators. Who may author a new one: see listAuthorableOrgIds.
import type { Executor } from '../db';
import type { Actor } from '../orgs/access';
import { NotOrgAdminError } from '../orgs/errors';
import { NotCourseManagerError } from './errors';

export async function listCourseManagerIds(db: Executor, courseId: string): Promise<string[]> {
	const rows = await db
		.selectFrom('courses')
		.innerJoin('memberships', 'memberships.org_id', 'courses.provider_org_id')
		.select('memberships.user_id')
		.where('courses.id', '=', courseId)
		.where('memberships.role', 'in', ['owner', 'admin'])
		.union(db.selectFrom('course_managers').select('user_id').where('course_id', '=', courseId))
		.execute();
	return [...new Set(rows.map((r) => r.user_id))];
}

/** Courses the actor manages (every course for operators). */
export async function listManagedCourseIds(db: Executor, actor: Actor): Promise<string[]> {
	if (actor.isOperator) return (await db.selectFrom('courses').select('id').execute()).map((r) => r.id);
	const rows = await db
		.selectFrom('courses')
		.innerJoin('memberships', 'memberships.org_id', 'courses.provider_org_id')
		.select('courses.id')
		.where('memberships.user_id', '=', actor.id)
		.where('memberships.role', 'in', ['owner', 'admin'])
		.union(db.selectFrom('course_managers').select('course_id as id').where('user_id', '=', actor.id))
		.execute();
	return [...new Set(rows.map((r) => r.id))];
}

export async function isCourseManager(db: Executor, actor: Actor, courseId: string): Promise<boolean> {
	if (actor.isOperator) return true;
	return (await listCourseManagerIds(db, courseId)).includes(actor.id);
}

export async function requireCourseManager(db: Executor, actor: Actor, courseId: string): Promise<void> {
	if (!(await isCourseManager(db, actor, courseId))) throw new NotCourseManagerError();
}

/**
 * Organisations the actor may author new courses for: those they own or administer, and those whose
 * courses they were appointed to manage (the provider's course staff) while still its member.
 * Operators: every organisation (the caller lists them).
 */
export async function listAuthorableOrgIds(db: Executor, actor: Actor): Promise<string[]> {
	const rows = await db
		.selectFrom('memberships')
		.select('memberships.org_id')
		.where('memberships.user_id', '=', actor.id)
		.where((eb) =>
			eb.or([
				eb('memberships.role', 'in', ['owner', 'admin']),
				eb.exists(
					eb
						.selectFrom('course_managers')
						.innerJoin('courses', 'courses.id', 'course_managers.course_id')
						.select('course_managers.course_id')
						.whereRef('courses.provider_org_id', '=', 'memberships.org_id')
						.where('course_managers.user_id', '=', actor.id)
				)
			])
		)
		.execute();
	return rows.map((r) => r.org_id);
}

export async function requireCourseAuthor(db: Executor, actor: Actor, orgId: string): Promise<void> {
	if (actor.isOperator) return;
	if (!(await listAuthorableOrgIds(db, actor)).includes(orgId)) throw new NotOrgAdminError();
}
