// Who manages a course: the owners/admins of its provider organisation, the staff appointed to it
// in course_managers, and operators.
import type { Executor } from '../db';
import type { Actor } from '../orgs/access';
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
