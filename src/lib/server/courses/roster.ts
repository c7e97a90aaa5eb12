// Queries of the manager's pages: managed courses with their cohorts, a cohort's roster and attendance.
import { sql } from 'kysely';
import type { Executor } from '../db';

export function listCoursesByIds(db: Executor, ids: string[]) {
	if (!ids.length) return Promise.resolve([]);
	return db
		.selectFrom('courses')
		.select(['id', 'slug', 'title_ko', 'title_en', 'place_ko', 'place_en', 'published', 'archived_at'])
		.where('id', 'in', ids)
		.orderBy('title_en')
		.execute();
}

export function listCohortsOfCourses(db: Executor, courseIds: string[]) {
	if (!courseIds.length) return Promise.resolve([]);
	return db
		.selectFrom('cohorts')
		.select(['id', 'course_id', 'label_ko', 'label_en', 'capacity', 'cancelled_at'])
		.select([
			sql<number>`(select count(*) from enrolments e where e.cohort_id = cohorts.id and e.status in ('enrolled', 'offered', 'completed'))::int`.as(
				'held'
			),
			sql<number>`(select count(*) from enrolments e where e.cohort_id = cohorts.id and e.status = 'waitlisted')::int`.as(
				'waitlisted'
			),
			sql<Date | null>`(select min(m.starts_at) from cohort_meetings m where m.cohort_id = cohorts.id)`.as('starts_at')
		])
		.where('course_id', 'in', courseIds)
		.orderBy(sql`starts_at`, sql`desc nulls last`)
		.execute();
}

/** Everyone with a live enrolment, seat holders first, then the queue in order. */
export function listRoster(db: Executor, cohortId: string) {
	return db
		.selectFrom('enrolments')
		.innerJoin('users', 'users.id', 'enrolments.user_id')
		.innerJoin('organizations', 'organizations.id', 'enrolments.org_id')
		.select([
			'enrolments.id',
			'enrolments.status',
			'enrolments.position',
			'enrolments.offer_expires_at',
			'users.name',
			'users.email',
			'organizations.name_ko as org_name_ko',
			'organizations.name_en as org_name_en'
		])
		.where('enrolments.cohort_id', '=', cohortId)
		.where('enrolments.status', 'in', ['enrolled', 'offered', 'completed', 'waitlisted'])
		.orderBy(sql`case enrolments.status when 'waitlisted' then 1 else 0 end`)
		.orderBy('enrolments.position')
		.orderBy('users.name')
		.execute();
}

export function listAttendance(db: Executor, cohortId: string) {
	return db
		.selectFrom('attendance')
		.innerJoin('cohort_meetings', 'cohort_meetings.id', 'attendance.meeting_id')
		.select(['attendance.meeting_id', 'attendance.enrolment_id', 'attendance.present'])
		.where('cohort_meetings.cohort_id', '=', cohortId)
		.execute();
}

export function findMeeting(db: Executor, meetingId: string) {
	return db
		.selectFrom('cohort_meetings')
		.innerJoin('cohorts', 'cohorts.id', 'cohort_meetings.cohort_id')
		.selectAll('cohort_meetings')
		.select('cohorts.course_id')
		.where('cohort_meetings.id', '=', meetingId)
		.executeTakeFirst();
}

export function listCohortCertificates(db: Executor, cohortId: string) {
	return db
		.selectFrom('certificates')
		.innerJoin('enrolments', 'enrolments.id', 'certificates.enrolment_id')
		.innerJoin('users', 'users.id', 'enrolments.user_id')
		.select(['certificates.serial', 'certificates.issued_at', 'certificates.revoked_at', 'users.name'])
		.where('enrolments.cohort_id', '=', cohortId)
		.orderBy('users.name')
		.execute();
}

/** What the requirements page offers for a course: every other course, every credential, the current prerequisites. */
export async function listRequirementChoices(db: Executor, courseId: string) {
	const [courses, credentials, current] = await Promise.all([
		db
			.selectFrom('courses')
			.select(['id', 'slug', 'title_ko', 'title_en', 'published'])
			.where('id', '<>', courseId)
			.orderBy('title_en')
			.execute(),
		db.selectFrom('credentials').select(['id', 'name_ko', 'name_en', 'validity_months']).orderBy('name_en').execute(),
		db.selectFrom('course_prerequisites').select('prerequisite_id').where('course_id', '=', courseId).execute()
	]);
	return { courses, credentials, prerequisiteIds: current.map((r) => r.prerequisite_id) };
}

/** A course as its edit page shows it: every authored field, and how many cohorts it has. */
export function findAuthoredCourse(db: Executor, id: string) {
	return db
		.selectFrom('courses')
		.selectAll('courses')
		.select((eb) =>
			eb
				.selectFrom('cohorts')
				.select(eb.fn.countAll<number>().as('n'))
				.whereRef('cohorts.course_id', '=', 'courses.id')
				.as('cohort_count')
		)
		.where('id', '=', id)
		.executeTakeFirst();
}
