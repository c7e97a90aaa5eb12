// Test data for courses: a course of a verified agency, a cohort open for enrolment, trainees.
import type { Kysely } from 'kysely';
import type { DB } from '$lib/server/db';
import { addMember, createOrganization, createUser, uniqueSuffix } from '../factories';

export const context = { ip: '127.0.0.1', origin: 'http://127.0.0.1:3000' };
/** A fixed "now": Monday 2026-03-02 09:00 in Seoul. */
export const NOW = new Date('2026-03-02T00:00:00Z');
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

export async function createProvider(db: Kysely<DB>) {
	const org = await createOrganization(db, { kind: 'agency' });
	const admin = await createUser(db);
	await addMember(db, org.id, admin.id, 'owner');
	return { org, admin, actor: { id: admin.id, isOperator: false } };
}

export async function createCourse(db: Kysely<DB>, providerOrgId: string, overrides: Record<string, unknown> = {}) {
	const suffix = uniqueSuffix();
	return db
		.insertInto('courses')
		.values({
			slug: `course-${suffix}`,
			provider_org_id: providerOrgId,
			category: 'regulatory',
			audiences: ['employees'],
			level: 'introductory',
			language: 'ko',
			format: 'on_site',
			title_ko: `인허가 기초 ${suffix}`,
			title_en: `Approval basics ${suffix}`,
			...overrides
		})
		.returningAll()
		.executeTakeFirstOrThrow();
}

export async function createCohort(db: Kysely<DB>, courseId: string, overrides: Record<string, unknown> = {}) {
	const cohort = await db
		.insertInto('cohorts')
		.values({
			course_id: courseId,
			label_ko: '1기',
			label_en: 'Cohort 1',
			capacity: 30,
			enrol_opens_at: new Date(NOW.getTime() - 7 * DAY),
			enrol_closes_at: new Date(NOW.getTime() + 14 * DAY),
			offer_hours: 48,
			...overrides
		})
		.returningAll()
		.executeTakeFirstOrThrow();
	const start = new Date(NOW.getTime() + 21 * DAY);
	await db
		.insertInto('cohort_meetings')
		.values(
			[0, 1, 2, 3, 4].map((i) => ({
				cohort_id: cohort.id,
				starts_at: new Date(start.getTime() + i * DAY),
				ends_at: new Date(start.getTime() + i * DAY + 3 * HOUR)
			}))
		)
		.execute();
	return cohort;
}

/** A user in a verified company of their own. */
export async function createTrainee(db: Kysely<DB>) {
	const org = await createOrganization(db);
	const user = await createUser(db);
	await addMember(db, org.id, user.id, 'member');
	return { user, orgId: org.id, actor: { id: user.id, isOperator: false } };
}

export async function waitlist(db: Kysely<DB>, cohortId: string) {
	return db
		.selectFrom('enrolments')
		.select(['id', 'user_id', 'position'])
		.where('cohort_id', '=', cohortId)
		.where('status', '=', 'waitlisted')
		.orderBy('position')
		.execute();
}

export async function statusCounts(db: Kysely<DB>, cohortId: string) {
	const rows = await db
		.selectFrom('enrolments')
		.select(['status'])
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('cohort_id', '=', cohortId)
		.groupBy('status')
		.execute();
	return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}
