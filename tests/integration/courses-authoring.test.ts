// Course authoring and the anonymous survey: managers of the provider create and edit (never another
// org's manager), drafts stay out of the catalogue, cohorts block deletion, the survey is answered
// once, the answer row carries no user, and aggregates stay hidden below three answers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import type { DB } from '$lib/server/db';
import type { Database } from '$lib/server/db/connect';
import { createCourse, deleteCourse, updateCourse } from '$lib/server/courses/authoring';
import { listCatalogue } from '$lib/server/courses/catalogue';
import { answerSurvey, cohortSurveyCsv, courseSurveyAggregates } from '$lib/server/courses/survey';
import {
	CourseHasCohortsError,
	CourseStateError,
	NotCourseManagerError,
	SurveyAlreadyAnsweredError,
	SurveyNotCompletedError
} from '$lib/server/courses/errors';
import { NotOrgAdminError } from '$lib/server/orgs/errors';
import { NotFoundError } from '$lib/server/errors';
import { enrol } from '$lib/server/courses/service';
import { completeCohort } from '$lib/server/courses/completion';
import { markAttendance } from '$lib/server/courses/manage';
import { uniqueSuffix } from '../factories';
import { createTestDatabase } from './support/database';
import { context, createCohort, createProvider, createTrainee, DAY, NOW } from './courses-support';

let database: Database;
let db: Kysely<DB>;

beforeAll(async () => {
	database = await createTestDatabase();
	db = database.db;
});
afterAll(() => database.close());

const input = (providerOrgId: string, title = `Device basics ${uniqueSuffix()}`) => ({
	providerOrgId,
	category: 'regulatory' as const,
	audiences: ['employees' as const],
	level: 'introductory' as const,
	format: 'online' as const,
	language: 'ko_en' as const,
	titleKo: '의료기기 기초',
	titleEn: title,
	summaryKo: '요약',
	summaryEn: 'Summary',
	syllabusKo: '# 1주차',
	syllabusEn: '# Week 1',
	hours: 6
});

const inCatalogue = async (id: string) => (await listCatalogue(db, {}, NOW)).some((c) => c.id === id);

describe('course authoring', () => {
	it('creates a draft with a unique slug, publishes it into the catalogue, archives it out, audited', async () => {
		const { org, actor } = await createProvider(db);
		const title = `Device basics ${uniqueSuffix()}`;
		const a = await createCourse(db, actor, input(org.id, title), context);
		const b = await createCourse(db, actor, input(org.id, title), context);
		expect(a.slug).not.toBe(b.slug);
		expect(b.slug).toBe(`${a.slug}-2`);
		expect(a.published).toBe(false);
		expect(await inCatalogue(a.id)).toBe(false);
		await updateCourse(db, actor, a.slug, { state: 'published', hours: 8 }, context);
		expect(await inCatalogue(a.id)).toBe(true);
		await updateCourse(db, actor, a.slug, { state: 'archived' }, context);
		expect(await inCatalogue(a.id)).toBe(false);
		const audit = await db.selectFrom('audit_log').select('action').where('entity_id', '=', a.id).execute();
		expect(audit.map((r) => r.action).sort()).toEqual(['course.created', 'course.updated', 'course.updated']);
	});

	it('refuses a skipped step (draft → archived)', async () => {
		const { org, actor } = await createProvider(db);
		const course = await createCourse(db, actor, input(org.id), context);
		await expect(updateCourse(db, actor, course.slug, { state: 'archived' }, context)).rejects.toThrow(
			CourseStateError
		);
	});

	it("refuses another org's manager: neither create for that org nor edit its course", async () => {
		const owner = await createProvider(db);
		const other = await createProvider(db);
		const course = await createCourse(db, owner.actor, input(owner.org.id), context);
		await expect(createCourse(db, other.actor, input(owner.org.id), context)).rejects.toThrow(NotOrgAdminError);
		await expect(updateCourse(db, other.actor, course.slug, { titleEn: 'Hijacked' }, context)).rejects.toThrow(
			NotCourseManagerError
		);
		await expect(deleteCourse(db, other.actor, course.slug, context)).rejects.toThrow(NotCourseManagerError);
		const row = await db.selectFrom('courses').select('title_en').where('id', '=', course.id).executeTakeFirstOrThrow();
		expect(row.title_en).toBe(course.title_en);
	});

	it('deletes a course without cohorts, refuses one with cohorts', async () => {
		const { org, actor } = await createProvider(db);
		const empty = await createCourse(db, actor, input(org.id), context);
		await deleteCourse(db, actor, empty.slug, context);
		await expect(deleteCourse(db, actor, empty.slug, context)).rejects.toThrow(NotFoundError);
		const used = await createCourse(db, actor, input(org.id), context);
		await createCohort(db, used.id);
		await expect(deleteCourse(db, actor, used.slug, context)).rejects.toThrow(CourseHasCohortsError);
		expect(await db.selectFrom('courses').select('id').where('id', '=', used.id).executeTakeFirst()).toBeDefined();
	});
});

async function completedCohort(trainees: number) {
	const provider = await createProvider(db);
	const course = await createCourse(db, provider.actor, input(provider.org.id), context);
	const cohort = await createCohort(db, course.id);
	const enrolments = [];
	for (let i = 0; i < trainees; i++) {
		const t = await createTrainee(db);
		const e = await db
			.insertInto('enrolments')
			.values({ cohort_id: cohort.id, user_id: t.user.id, org_id: t.orgId, status: 'completed' })
			.returning('id')
			.executeTakeFirstOrThrow();
		enrolments.push({ ...t, enrolmentId: e.id });
	}
	return { provider, course, cohort, enrolments };
}

const answer = { content: 5, instructor: 4, materials: 3, usefulness: 4, comment: 'Good' };

describe('satisfaction survey', () => {
	it('is answered once; the answer row holds no user or enrolment', async () => {
		const { cohort, enrolments } = await completedCohort(1);
		const [t] = enrolments;
		await answerSurvey(db, t.actor, t.enrolmentId, answer);
		await expect(answerSurvey(db, t.actor, t.enrolmentId, answer)).rejects.toThrow(SurveyAlreadyAnsweredError);
		const rows = await db.selectFrom('course_survey_answers').selectAll().where('cohort_id', '=', cohort.id).execute();
		expect(rows).toHaveLength(1);
		expect(Object.keys(rows[0]).sort()).toEqual(
			['answered_on', 'cohort_id', 'comment', 'content', 'id', 'instructor', 'materials', 'usefulness'].sort()
		);
		expect(JSON.stringify(rows[0])).not.toContain(t.user.id);
		expect(JSON.stringify(rows[0])).not.toContain(t.enrolmentId);
	});

	it("refuses an enrolment not completed, and someone else's enrolment", async () => {
		const { cohort, enrolments } = await completedCohort(1);
		const stranger = await createTrainee(db);
		await expect(answerSurvey(db, stranger.actor, enrolments[0].enrolmentId, answer)).rejects.toThrow(NotFoundError);
		const e = await db
			.insertInto('enrolments')
			.values({ cohort_id: cohort.id, user_id: stranger.user.id, org_id: stranger.orgId, status: 'enrolled' })
			.returning('id')
			.executeTakeFirstOrThrow();
		await expect(answerSurvey(db, stranger.actor, e.id, answer)).rejects.toThrow(SurveyNotCompletedError);
		expect(
			await db.selectFrom('course_survey_receipts').selectAll().where('enrolment_id', '=', e.id).execute()
		).toEqual([]);
	});

	it('hides aggregates and the CSV below three answers, shows them from three on, only to managers', async () => {
		const { provider, course, cohort, enrolments } = await completedCohort(3);
		const header = ['content', 'instructor', 'materials', 'usefulness', 'comment'];
		await answerSurvey(db, enrolments[0].actor, enrolments[0].enrolmentId, answer);
		await answerSurvey(db, enrolments[1].actor, enrolments[1].enrolmentId, { ...answer, content: 3 });
		let [agg] = await courseSurveyAggregates(db, provider.actor, course.id);
		expect(agg.answers).toBe(2);
		expect(agg.averages).toBeNull();
		expect(await cohortSurveyCsv(db, provider.actor, cohort.id, header)).toBeNull();
		await answerSurvey(db, enrolments[2].actor, enrolments[2].enrolmentId, { ...answer, content: 4 });
		[agg] = await courseSurveyAggregates(db, provider.actor, course.id);
		expect(agg.averages).toEqual({ content: 4, instructor: 4, materials: 3, usefulness: 4 });
		const csv = await cohortSurveyCsv(db, provider.actor, cohort.id, header);
		expect(csv!.trim().split('\r\n')).toHaveLength(4);
		const other = await createProvider(db);
		await expect(courseSurveyAggregates(db, other.actor, course.id)).rejects.toThrow(NotCourseManagerError);
		await expect(cohortSurveyCsv(db, other.actor, cohort.id, header)).rejects.toThrow(NotCourseManagerError);
	});
});

describe('survey invitation', () => {
	it('invites each trainee who completes, linking to their survey, and no one who did not', async () => {
		const provider = await createProvider(db);
		const course = await createCourse(db, provider.actor, input(provider.org.id), context);
		await updateCourse(db, provider.actor, course.slug, { state: 'published' }, context);
		const cohort = await createCohort(db, course.id);
		const [good, absent] = [await createTrainee(db), await createTrainee(db)];
		const a = await enrol(db, good.actor, cohort.id, context, NOW);
		await enrol(db, absent.actor, cohort.id, context, NOW);
		const meetings = await db
			.selectFrom('cohort_meetings')
			.select(['id', 'starts_at'])
			.where('cohort_id', '=', cohort.id)
			.orderBy('starts_at')
			.execute();
		for (const meeting of meetings) await markAttendance(db, provider.actor, meeting.id, [a.id], context);
		await completeCohort(db, provider.actor, cohort.id, context, new Date(meetings[4].starts_at.getTime() + DAY));
		const invitations = await db
			.selectFrom('notifications')
			.select(['user_id', 'link'])
			.where('kind', '=', 'survey_invited')
			.where('user_id', 'in', [good.user.id, absent.user.id])
			.execute();
		expect(invitations).toEqual([{ user_id: good.user.id, link: `/courses/survey/${a.id}` }]);
	});
});
