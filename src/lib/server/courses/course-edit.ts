// Course managers set what a course requires (prerequisite courses) and the credential it grants.
// The prerequisite graph stays acyclic: the table is locked against other edits for the check, so
// two managers cannot each add half of a cycle at the same time.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db';
import { recordAudit } from '../audit/repository';
import { NotFoundError } from '../errors';
import type { Actor } from '../orgs/access';
import { requireCourseManager } from './access';
import type { Context } from './announce';
import { PrerequisiteCycleError, SelfPrerequisiteError } from './errors';
import { findCycle } from './prerequisite-graph';

export type CourseRequirements = { prerequisiteIds: string[]; credentialId: string | null };

export async function setCourseRequirements(
	db: Kysely<DB>,
	actor: Actor,
	courseId: string,
	input: CourseRequirements,
	context: Context
) {
	const required = [...new Set(input.prerequisiteIds)];
	return db.transaction().execute(async (trx) => {
		// First, before any row lock: readers go on, only another prerequisite edit waits for this one
		// (a row lock taken first would deadlock with the other edit's foreign-key check).
		await sql`lock table course_prerequisites in share row exclusive mode`.execute(trx);
		const course = await trx
			.selectFrom('courses')
			.select(['id', 'credential_id'])
			.where('id', '=', courseId)
			.executeTakeFirst();
		if (!course) throw new NotFoundError();
		await requireCourseManager(trx, actor, course.id);
		if (required.includes(course.id)) throw new SelfPrerequisiteError();
		if (required.length) {
			const found = await trx.selectFrom('courses').select('id').where('id', 'in', required).execute();
			if (found.length !== required.length) throw new NotFoundError();
		}
		if (
			input.credentialId &&
			!(await trx.selectFrom('credentials').select('id').where('id', '=', input.credentialId).executeTakeFirst())
		)
			throw new NotFoundError();
		const edges = await trx.selectFrom('course_prerequisites').select(['course_id', 'prerequisite_id']).execute();
		const cycle = findCycle(course.id, required, edges);
		if (cycle) {
			const titles = await trx
				.selectFrom('courses')
				.select(['id', 'title_ko', 'title_en'])
				.where('id', 'in', cycle)
				.execute();
			throw new PrerequisiteCycleError(cycle.map((id) => titles.find((t) => t.id === id)!));
		}
		const before = edges
			.filter((e) => e.course_id === course.id)
			.map((e) => e.prerequisite_id)
			.sort();
		await trx.deleteFrom('course_prerequisites').where('course_id', '=', course.id).execute();
		if (required.length)
			await trx
				.insertInto('course_prerequisites')
				.values(required.map((id) => ({ course_id: course.id, prerequisite_id: id })))
				.execute();
		await trx
			.updateTable('courses')
			.set({ credential_id: input.credentialId, updated_at: new Date() })
			.where('id', '=', course.id)
			.execute();
		await recordAudit(trx, {
			actorId: actor.id,
			action: 'course.requirements_changed',
			entityType: 'course',
			entityId: course.id,
			ip: context.ip,
			data: {
				before: { prerequisites: before, credentialId: course.credential_id },
				after: { prerequisites: [...required].sort(), credentialId: input.credentialId }
			}
		});
	});
}
