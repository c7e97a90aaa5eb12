// The anonymous satisfaction survey. Once-only is kept by a receipt per enrolment; the answer is a
// separate row with the cohort and the ratings but no user and no enrolment, written in the same
// transaction. Managers see aggregates (and the CSV) only from MIN_ANSWERS answers on, so that a
// single answer cannot be read as one known trainee's.
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { DB } from '../db';
import { toCsv } from '../common/csv';
import { NotFoundError } from '../errors';
import type { Actor } from '../orgs/access';
import { requireCourseManager } from './access';
import { SURVEY_QUESTIONS, type SurveyAnswer } from './authoring-schemas';
import { SurveyAlreadyAnsweredError, SurveyNotCompletedError } from './errors';

export const MIN_ANSWERS = 3;

export async function answerSurvey(db: Kysely<DB>, actor: Actor, enrolmentId: string, answer: SurveyAnswer) {
	await db.transaction().execute(async (trx) => {
		const enrolment = await trx
			.selectFrom('enrolments')
			.select(['id', 'cohort_id', 'user_id', 'status'])
			.where('id', '=', enrolmentId)
			.executeTakeFirst();
		// Someone else's enrolment looks like none at all.
		if (!enrolment || enrolment.user_id !== actor.id) throw new NotFoundError();
		if (enrolment.status !== 'completed') throw new SurveyNotCompletedError();
		const receipt = await trx
			.insertInto('course_survey_receipts')
			.values({ enrolment_id: enrolment.id })
			.onConflict((oc) => oc.doNothing())
			.returning('enrolment_id')
			.executeTakeFirst();
		if (!receipt) throw new SurveyAlreadyAnsweredError();
		await trx
			.insertInto('course_survey_answers')
			.values({ cohort_id: enrolment.cohort_id, ...answer })
			.execute();
	});
}

export async function hasAnswered(db: Kysely<DB>, enrolmentId: string): Promise<boolean> {
	return !!(await db
		.selectFrom('course_survey_receipts')
		.select('enrolment_id')
		.where('enrolment_id', '=', enrolmentId)
		.executeTakeFirst());
}

export type SurveyAggregate = { answers: number; averages: Record<(typeof SURVEY_QUESTIONS)[number], number> | null };

/** Per cohort of a course; averages are null below MIN_ANSWERS. */
export async function courseSurveyAggregates(db: Kysely<DB>, actor: Actor, courseId: string) {
	await requireCourseManager(db, actor, courseId);
	const rows = await db
		.selectFrom('cohorts')
		.leftJoin('course_survey_answers as a', 'a.cohort_id', 'cohorts.id')
		.select([
			'cohorts.id',
			'cohorts.label_ko',
			'cohorts.label_en',
			sql<number>`count(a.id)::int`.as('answers'),
			...SURVEY_QUESTIONS.map((q) => sql<number>`round(avg(a.${sql.ref(q)}), 2)::float8`.as(q))
		])
		.where('cohorts.course_id', '=', courseId)
		.groupBy('cohorts.id')
		.orderBy('cohorts.created_at')
		.execute();
	return rows.map((r) => ({
		cohortId: r.id,
		label_ko: r.label_ko,
		label_en: r.label_en,
		answers: r.answers,
		averages: r.answers >= MIN_ANSWERS ? Object.fromEntries(SURVEY_QUESTIONS.map((q) => [q, Number(r[q])])) : null
	}));
}

/** The answers of one cohort as CSV (ratings and comment, shuffled by id); refused below MIN_ANSWERS. */
export async function cohortSurveyCsv(db: Kysely<DB>, actor: Actor, cohortId: string, header: string[]) {
	const cohort = await db.selectFrom('cohorts').select('course_id').where('id', '=', cohortId).executeTakeFirst();
	if (!cohort) throw new NotFoundError();
	await requireCourseManager(db, actor, cohort.course_id);
	const answers = await db
		.selectFrom('course_survey_answers')
		.select([...SURVEY_QUESTIONS, 'comment'])
		.where('cohort_id', '=', cohortId)
		.orderBy('id')
		.execute();
	if (answers.length < MIN_ANSWERS) return null;
	return toCsv([header, ...answers.map((a) => [...SURVEY_QUESTIONS.map((q) => a[q]), a.comment])]);
}

/** The trainee's own enrolment for the survey page: its course and whether it was answered. */
export async function findSurveyEnrolment(db: Kysely<DB>, actor: Actor, enrolmentId: string) {
	const row = await db
		.selectFrom('enrolments')
		.innerJoin('cohorts', 'cohorts.id', 'enrolments.cohort_id')
		.innerJoin('courses', 'courses.id', 'cohorts.course_id')
		.select(['enrolments.id', 'enrolments.status', 'courses.title_ko', 'courses.title_en', 'courses.slug'])
		.where('enrolments.id', '=', enrolmentId)
		.where('enrolments.user_id', '=', actor.id)
		.executeTakeFirst();
	if (!row) throw new NotFoundError();
	return { ...row, answered: await hasAnswered(db, row.id) };
}
