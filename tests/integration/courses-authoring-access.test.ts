// Who may author courses for an organisation, and what the pages and the API build on it: owners and
// admins, and the staff the organisation appointed to manage its courses (who then manage what they
// create); a plain member or another organisation's manager may not. A completed trainee is pointed to
// the survey until answering it. The API deletes an unused course, and refuses one with cohorts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import type { DB } from '$lib/server/db';
import type { Database } from '$lib/server/db/connect';
import { createCourse as authorCourse, updateCourse } from '$lib/server/courses/authoring';
import { isCourseManager, listAuthorableOrgIds } from '$lib/server/courses/access';
import { listProviderChoices } from '$lib/server/courses/providers';
import { listUserEnrolments } from '$lib/server/courses/catalogue';
import { answerSurvey } from '$lib/server/courses/survey';
import { courseDetailsForm, courseForm } from '$lib/server/courses/authoring-schemas';
import { NotOrgAdminError } from '$lib/server/orgs/errors';
import { addMember, createOperator, createOrganization, createUser } from '../factories';
import { createTestDatabase } from './support/database';
import { context, createCohort, createCourse, createProvider, createTrainee } from './courses-support';

let database: Database;
let db: Kysely<DB>;

beforeAll(async () => {
	database = await createTestDatabase();
	db = database.db;
});
afterAll(() => database.close());

const input = (providerOrgId: string) => ({
	providerOrgId,
	category: 'regulatory' as const,
	audiences: ['employees' as const],
	level: 'introductory' as const,
	format: 'online' as const,
	language: 'ko' as const,
	titleKo: '사이버보안 기초',
	titleEn: 'Cybersecurity basics',
	summaryKo: '',
	summaryEn: '',
	syllabusKo: '',
	syllabusEn: '',
	hours: null
});

describe('who may author courses', () => {
	it("lets the organisation's appointed course staff author for it, and makes the author the new course's manager", async () => {
		const { org } = await createProvider(db);
		const staff = await createUser(db);
		await addMember(db, org.id, staff.id, 'member');
		const actor = { id: staff.id, isOperator: false };
		// A plain member, appointed to nothing yet: no organisation to author for.
		expect(await listAuthorableOrgIds(db, actor)).toEqual([]);
		await expect(authorCourse(db, actor, input(org.id), context)).rejects.toThrow(NotOrgAdminError);
		const existing = await createCourse(db, org.id);
		await db.insertInto('course_managers').values({ course_id: existing.id, user_id: staff.id }).execute();
		expect(await listAuthorableOrgIds(db, actor)).toEqual([org.id]);
		expect((await listProviderChoices(db, actor)).map((p) => p.id)).toEqual([org.id]);
		const made = await authorCourse(db, actor, input(org.id), context);
		expect(await isCourseManager(db, actor, made.id)).toBe(true);
		await updateCourse(db, actor, made.slug, { titleEn: 'Cybersecurity basics, revised' }, context);
	});

	it('refuses another organisation, and a staff member who left the organisation', async () => {
		const mine = await createProvider(db);
		const other = await createProvider(db);
		await expect(authorCourse(db, mine.actor, input(other.org.id), context)).rejects.toThrow(NotOrgAdminError);
		const leaver = await createUser(db);
		const course = await createCourse(db, mine.org.id);
		await db.insertInto('course_managers').values({ course_id: course.id, user_id: leaver.id }).execute();
		// Appointed once, but no longer a member: may still be listed on that course, may not author new ones.
		expect(await listAuthorableOrgIds(db, { id: leaver.id, isOperator: false })).toEqual([]);
	});

	it('gives operators every organisation, and nobody else more than their own', async () => {
		const operator = await createOperator(db);
		const org = await createOrganization(db, { kind: 'university' });
		const choices = await listProviderChoices(db, { id: operator.id, isOperator: true });
		expect(choices.map((c) => c.id)).toContain(org.id);
		const { actor, org: own } = await createProvider(db);
		expect((await listProviderChoices(db, actor)).map((c) => c.id)).toEqual([own.id]);
	});
});

describe('the course forms', () => {
	it('read checkboxes and an empty hours box, and name the fields that are wrong', () => {
		const ok = courseForm.safeParse({
			...input('6f1b7a7e-2f63-4a55-9d4c-8b0e4c1f9a10'),
			audiences: 'founders',
			hours: ''
		});
		expect(ok.success && ok.data.audiences).toEqual(['founders']);
		expect(ok.success && ok.data.hours).toBeNull();
		const bad = courseDetailsForm.safeParse({
			...input(''),
			titleEn: ' ',
			audiences: undefined,
			hours: '-3',
			level: 'expert'
		});
		expect(bad.success).toBe(false);
		const fields = bad.error!.issues.map((i) => i.path.join('.')).sort();
		expect(fields).toEqual(['audiences', 'hours', 'level', 'titleEn']);
	});
});

describe('the survey link of a completed trainee', () => {
	it('shows until the trainee answers, and never for an enrolment that is not completed', async () => {
		const { org } = await createProvider(db);
		const course = await createCourse(db, org.id);
		const cohort = await createCohort(db, course.id);
		const trainee = await createTrainee(db);
		const enrolment = await db
			.insertInto('enrolments')
			.values({ cohort_id: cohort.id, user_id: trainee.user.id, org_id: trainee.orgId, status: 'enrolled' })
			.returning('id')
			.executeTakeFirstOrThrow();
		const due = async () => (await listUserEnrolments(db, trainee.user.id))[0].survey_due;
		expect(await due()).toBe(false);
		await db.updateTable('enrolments').set({ status: 'completed' }).where('id', '=', enrolment.id).execute();
		expect(await due()).toBe(true);
		const answer = { content: 5, instructor: 4, materials: 4, usefulness: 5, comment: '' };
		await answerSurvey(db, trainee.actor, enrolment.id, answer);
		expect(await due()).toBe(false);
	});
});
