// Managers set a course's prerequisites and the credential it grants: never the course itself,
// never a cycle (not even when two managers each add half of one at the same time), only their own
// courses, each change audited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import type { DB } from '$lib/server/db';
import type { Database } from '$lib/server/db/connect';
import { setCourseRequirements } from '$lib/server/courses/course-edit';
import { NotCourseManagerError, PrerequisiteCycleError, SelfPrerequisiteError } from '$lib/server/courses/errors';
import { NotFoundError } from '$lib/server/errors';
import { uniqueSuffix } from '../factories';
import { createTestDatabase } from './support/database';
import { context, createCourse, createProvider } from './courses-support';

let database: Database;
let db: Kysely<DB>;

beforeAll(async () => {
	database = await createTestDatabase();
	db = database.db;
});
afterAll(() => database.close());

const prerequisitesOf = async (courseId: string) =>
	(await db.selectFrom('course_prerequisites').select('prerequisite_id').where('course_id', '=', courseId).execute())
		.map((r) => r.prerequisite_id)
		.sort();

async function threeCourses() {
	const provider = await createProvider(db);
	const [a, b, c] = [
		await createCourse(db, provider.org.id),
		await createCourse(db, provider.org.id),
		await createCourse(db, provider.org.id)
	];
	return { manager: provider.actor, a, b, c };
}

describe('course requirements', () => {
	it('replaces the prerequisites and sets the credential, audited', async () => {
		const { manager, a, b, c } = await threeCourses();
		const credential = await db
			.insertInto('credentials')
			.values({
				slug: `cred-${uniqueSuffix()}`,
				name_ko: '장비 안전',
				name_en: 'Equipment safety',
				validity_months: 24
			})
			.returningAll()
			.executeTakeFirstOrThrow();
		await setCourseRequirements(
			db,
			manager,
			a.id,
			{ prerequisiteIds: [b.id, c.id, b.id], credentialId: credential.id },
			context
		);
		expect(await prerequisitesOf(a.id)).toEqual([b.id, c.id].sort());
		await setCourseRequirements(db, manager, a.id, { prerequisiteIds: [c.id], credentialId: null }, context);
		expect(await prerequisitesOf(a.id)).toEqual([c.id]);
		expect(
			(await db.selectFrom('courses').select('credential_id').where('id', '=', a.id).executeTakeFirstOrThrow())
				.credential_id
		).toBeNull();
		const audits = await db
			.selectFrom('audit_log')
			.select('data')
			.where('entity_id', '=', a.id)
			.where('action', '=', 'course.requirements_changed')
			.orderBy('id')
			.execute();
		expect(audits).toHaveLength(2);
		expect(audits[1].data).toMatchObject({
			before: { credentialId: credential.id },
			after: { prerequisites: [c.id], credentialId: null }
		});
	});

	it('refuses the course itself, a cycle (naming it), an unknown course or credential, and changes nothing', async () => {
		const { manager, a, b, c } = await threeCourses();
		await setCourseRequirements(db, manager, a.id, { prerequisiteIds: [b.id], credentialId: null }, context);
		await setCourseRequirements(db, manager, b.id, { prerequisiteIds: [c.id], credentialId: null }, context);
		await expect(
			setCourseRequirements(db, manager, c.id, { prerequisiteIds: [c.id], credentialId: null }, context)
		).rejects.toBeInstanceOf(SelfPrerequisiteError);
		const cycle = setCourseRequirements(db, manager, c.id, { prerequisiteIds: [a.id], credentialId: null }, context);
		await expect(cycle).rejects.toBeInstanceOf(PrerequisiteCycleError);
		await expect(cycle).rejects.toMatchObject({
			params: { chain_en: [c, a, b, c].map((x) => x.title_en).join(' → ') }
		});
		await expect(
			setCourseRequirements(
				db,
				manager,
				c.id,
				{ prerequisiteIds: ['00000000-0000-4000-8000-000000000000'], credentialId: null },
				context
			)
		).rejects.toBeInstanceOf(NotFoundError);
		await expect(
			setCourseRequirements(
				db,
				manager,
				c.id,
				{ prerequisiteIds: [], credentialId: '00000000-0000-4000-8000-000000000000' },
				context
			)
		).rejects.toBeInstanceOf(NotFoundError);
		expect(await prerequisitesOf(c.id)).toEqual([]);
	});

	it('lets only the course’s managers change it', async () => {
		const { a, b } = await threeCourses();
		const stranger = await createProvider(db);
		await expect(
			setCourseRequirements(db, stranger.actor, a.id, { prerequisiteIds: [b.id], credentialId: null }, context)
		).rejects.toBeInstanceOf(NotCourseManagerError);
		expect(await prerequisitesOf(a.id)).toEqual([]);
	});

	it('of two managers adding opposite halves of a cycle at once, exactly one succeeds', async () => {
		for (let round = 0; round < 5; round++) {
			const { manager, a, b } = await threeCourses();
			const results = await Promise.allSettled([
				setCourseRequirements(db, manager, a.id, { prerequisiteIds: [b.id], credentialId: null }, context),
				setCourseRequirements(db, manager, b.id, { prerequisiteIds: [a.id], credentialId: null }, context)
			]);
			expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
			expect((results.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason).toBeInstanceOf(
				PrerequisiteCycleError
			);
		}
	});
});
