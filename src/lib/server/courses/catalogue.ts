// Queries of the public catalogue and of a trainee's own courses.
import { sql } from 'kysely';
import type { Executor } from '../db';
import type { CourseAudience, CourseCategory, CourseFormat, CourseLanguage } from '../db/courses-types';
import { containsPattern } from '../db/like';

export type CatalogueFilter = {
	q?: string;
	category?: CourseCategory;
	audience?: CourseAudience;
	format?: CourseFormat;
	language?: CourseLanguage;
};

const heldSeats = sql<number>`(select count(*) from enrolments e where e.cohort_id = cohorts.id and e.status in ('enrolled', 'offered', 'completed'))::int`;
const waitlistLength = sql<number>`(select count(*) from enrolments e where e.cohort_id = cohorts.id and e.status = 'waitlisted')::int`;
const firstMeeting = sql<Date | null>`(select min(m.starts_at) from cohort_meetings m where m.cohort_id = cohorts.id)`;
const lastMeeting = sql<Date | null>`(select max(m.ends_at) from cohort_meetings m where m.cohort_id = cohorts.id)`;

export function listCatalogue(db: Executor, filter: CatalogueFilter, now: Date) {
	let query = db
		.selectFrom('courses')
		.innerJoin('organizations', 'organizations.id', 'courses.provider_org_id')
		.select([
			'courses.id',
			'courses.slug',
			'courses.category',
			'courses.audiences',
			'courses.level',
			'courses.language',
			'courses.format',
			'courses.title_ko',
			'courses.title_en',
			'courses.summary_ko',
			'courses.summary_en',
			'courses.hours',
			'courses.credential_id'
		])
		.select([
			'organizations.slug as provider_slug',
			'organizations.name_ko as provider_name_ko',
			'organizations.name_en as provider_name_en'
		])
		.select(() => [
			sql<Date | null>`(select min(m.starts_at) from cohorts join cohort_meetings m on m.cohort_id = cohorts.id where cohorts.course_id = courses.id and cohorts.cancelled_at is null and m.starts_at > ${now})`.as(
				'next_meeting_at'
			),
			sql<number>`(select coalesce(sum(greatest(cohorts.capacity - ${heldSeats}, 0)), 0) from cohorts where cohorts.course_id = courses.id and cohorts.cancelled_at is null and cohorts.enrol_closes_at > ${now})::int`.as(
				'seats_left'
			),
			sql<
				string[]
			>`(select coalesce(array_agg(cohorts.id::text order by cohorts.enrol_closes_at), '{}'::text[]) from cohorts where cohorts.course_id = courses.id and cohorts.cancelled_at is null and cohorts.enrol_closes_at > ${now})`.as(
				'open_cohort_ids'
			)
		])
		.where('courses.published', '=', true);
	if (filter.category) query = query.where('courses.category', '=', filter.category);
	if (filter.format) query = query.where('courses.format', '=', filter.format);
	if (filter.language) query = query.where('courses.language', '=', filter.language);
	if (filter.audience) query = query.where(sql<boolean>`${filter.audience} = any(courses.audiences)`);
	if (filter.q) {
		const pattern = containsPattern(filter.q);
		query = query.where((eb) =>
			eb.or(
				['title_ko', 'title_en', 'summary_ko', 'summary_en', 'description_ko', 'description_en'].map((c) =>
					eb(`courses.${c}` as 'courses.title_ko', 'ilike', pattern)
				)
			)
		);
	}
	return query
		.orderBy(sql`next_meeting_at`, sql`asc nulls last`)
		.orderBy('courses.title_en')
		.execute();
}

export function findCourseBySlug(db: Executor, slug: string) {
	return db
		.selectFrom('courses')
		.innerJoin('organizations', 'organizations.id', 'courses.provider_org_id')
		.leftJoin('credentials', 'credentials.id', 'courses.credential_id')
		.selectAll('courses')
		.select([
			'organizations.slug as provider_slug',
			'organizations.name_ko as provider_name_ko',
			'organizations.name_en as provider_name_en'
		])
		.select([
			'credentials.name_ko as credential_name_ko',
			'credentials.name_en as credential_name_en',
			'credentials.validity_months'
		])
		.where('courses.slug', '=', slug)
		.executeTakeFirst();
}

export function listPrerequisites(db: Executor, courseId: string) {
	return db
		.selectFrom('course_prerequisites')
		.innerJoin('courses', 'courses.id', 'course_prerequisites.prerequisite_id')
		.select(['courses.slug', 'courses.title_ko', 'courses.title_en'])
		.where('course_prerequisites.course_id', '=', courseId)
		.orderBy('courses.title_en')
		.execute();
}

/** Cohorts of a course with their seats; `upcoming` keeps those whose last meeting has not ended. */
export function listCohorts(db: Executor, courseId: string, now: Date, upcoming: boolean) {
	let query = db
		.selectFrom('cohorts')
		.selectAll('cohorts')
		.select([
			heldSeats.as('held'),
			waitlistLength.as('waitlisted'),
			firstMeeting.as('starts_at'),
			lastMeeting.as('ends_at')
		])
		.where('course_id', '=', courseId);
	if (upcoming)
		query = query
			.where('cohorts.cancelled_at', 'is', null)
			.where((eb) => eb.or([eb(lastMeeting, 'is', null), eb(lastMeeting, '>', now)]));
	return query.orderBy(firstMeeting, upcoming ? 'asc' : 'desc').execute();
}

export function listMeetings(db: Executor, cohortIds: string[]) {
	if (!cohortIds.length) return Promise.resolve([]);
	return db
		.selectFrom('cohort_meetings')
		.selectAll()
		.where('cohort_id', 'in', cohortIds)
		.orderBy('starts_at')
		.execute();
}

/** The user's enrolments, newest first, with what the "My courses" list shows. */
export function listUserEnrolments(db: Executor, userId: string, courseId?: string) {
	let query = db
		.selectFrom('enrolments')
		.innerJoin('cohorts', 'cohorts.id', 'enrolments.cohort_id')
		.innerJoin('courses', 'courses.id', 'cohorts.course_id')
		.leftJoin('certificates', 'certificates.enrolment_id', 'enrolments.id')
		.leftJoin('course_survey_receipts', 'course_survey_receipts.enrolment_id', 'enrolments.id')
		.select([
			'enrolments.id',
			'enrolments.cohort_id',
			'enrolments.status',
			'enrolments.position',
			'enrolments.offer_expires_at',
			'enrolments.pay_with_voucher',
			'enrolments.created_at'
		])
		.select([
			'cohorts.label_ko',
			'cohorts.label_en',
			'cohorts.cancel_reason as cohort_cancel_reason',
			'courses.slug as course_slug',
			'courses.title_ko',
			'courses.title_en',
			'certificates.serial as certificate_serial'
		])
		// A completed course whose anonymous survey is not answered yet links to it.
		.select((eb) =>
			eb
				.and([eb('enrolments.status', '=', 'completed'), eb('course_survey_receipts.enrolment_id', 'is', null)])
				.$castTo<boolean>()
				.as('survey_due')
		)
		.select([firstMeeting.as('starts_at')])
		.where('enrolments.user_id', '=', userId);
	if (courseId) query = query.where('courses.id', '=', courseId);
	return query.orderBy('enrolments.created_at', 'desc').execute();
}

/** The course and first open cohort that grant a credential: where a refused testbed booking can point. */
export function findNextCohortGranting(db: Executor, credentialId: string, now: Date) {
	return db
		.selectFrom('cohorts')
		.innerJoin('courses', 'courses.id', 'cohorts.course_id')
		.select([
			'courses.slug as course_slug',
			'courses.title_ko',
			'courses.title_en',
			'cohorts.id as cohort_id',
			firstMeeting.as('starts_at')
		])
		.where('courses.credential_id', '=', credentialId)
		.where('courses.published', '=', true)
		.where('cohorts.cancelled_at', 'is', null)
		.where('cohorts.enrol_closes_at', '>', now)
		.orderBy(firstMeeting, 'asc')
		.executeTakeFirst();
}
