// Queries of cohorts and enrolments used by the enrolment rules (the catalogue's are in catalogue.ts).
import { sql } from 'kysely';
import type { Executor } from '../db';
import type { EnrolmentStatus } from '../db/courses-types';
import { listVerifiedMemberships } from '../common/verified-memberships';

/** Statuses that hold a seat: an offer keeps the seat free for the person it was made to. */
export const SEAT_STATUSES = ['enrolled', 'offered', 'completed'] as const satisfies EnrolmentStatus[];
/** One per person and cohort (a unique index holds it): a request awaiting the employer counts too. */
export const LIVE_STATUSES = [
	'enrolled',
	'waitlisted',
	'offered',
	'completed',
	'awaiting_employer'
] as const satisfies EnrolmentStatus[];

/** Serialises every change to one cohort's enrolments: count, then insert or update, under this lock. */
export function lockCohort(db: Executor, cohortId: string) {
	return db.selectFrom('cohorts').selectAll().where('id', '=', cohortId).forUpdate().executeTakeFirst();
}

export function findCohort(db: Executor, cohortId: string) {
	return db
		.selectFrom('cohorts')
		.innerJoin('courses', 'courses.id', 'cohorts.course_id')
		.selectAll('cohorts')
		.select([
			'courses.slug as course_slug',
			'courses.title_ko',
			'courses.title_en',
			'courses.provider_org_id',
			'courses.credential_id',
			'courses.published'
		])
		.where('cohorts.id', '=', cohortId)
		.executeTakeFirst();
}

export async function countSeats(db: Executor, cohortId: string): Promise<{ held: number; waitlisted: number }> {
	const row = await db
		.selectFrom('enrolments')
		.select([
			sql<number>`count(*) filter (where status in ('enrolled', 'offered', 'completed'))::int`.as('held'),
			sql<number>`count(*) filter (where status = 'waitlisted')::int`.as('waitlisted')
		])
		.where('cohort_id', '=', cohortId)
		.executeTakeFirstOrThrow();
	return row;
}

export function findLiveEnrolment(db: Executor, cohortId: string, userId: string) {
	return db
		.selectFrom('enrolments')
		.selectAll()
		.where('cohort_id', '=', cohortId)
		.where('user_id', '=', userId)
		.where('status', 'in', LIVE_STATUSES)
		.executeTakeFirst();
}

export function findEnrolmentById(db: Executor, id: string) {
	return db.selectFrom('enrolments').selectAll().where('id', '=', id).executeTakeFirst();
}

export type NewEnrolment = {
	cohortId: string;
	userId: string;
	orgId: string;
	status: 'enrolled' | 'waitlisted' | 'awaiting_employer';
	position: number | null;
	now: Date;
	payWithVoucher?: boolean;
};

export function insertEnrolment(db: Executor, e: NewEnrolment) {
	return db
		.insertInto('enrolments')
		.values({
			cohort_id: e.cohortId,
			user_id: e.userId,
			org_id: e.orgId,
			status: e.status,
			position: e.position,
			enrolled_at: e.status === 'enrolled' ? e.now : null,
			pay_with_voucher: e.payWithVoucher ?? false,
			created_at: e.now,
			updated_at: e.now
		})
		.returningAll()
		.executeTakeFirstOrThrow();
}

export type EnrolmentChange = {
	status: EnrolmentStatus;
	position?: number | null;
	offerExpiresAt?: Date | null;
	enrolledAt?: Date | null;
	now: Date;
	/** The employer's decision on a request that awaited it. */
	decision?: { by: string; reason: string | null };
};

export function updateEnrolment(db: Executor, id: string, c: EnrolmentChange) {
	return db
		.updateTable('enrolments')
		.set({
			status: c.status,
			updated_at: c.now,
			...(c.position !== undefined ? { position: c.position } : {}),
			...(c.offerExpiresAt !== undefined ? { offer_expires_at: c.offerExpiresAt } : {}),
			...(c.enrolledAt !== undefined ? { enrolled_at: c.enrolledAt } : {}),
			...(c.decision
				? { employer_decided_by: c.decision.by, employer_decided_at: c.now, refusal_reason: c.decision.reason }
				: {})
		})
		.where('id', '=', id)
		.returningAll()
		.executeTakeFirstOrThrow();
}

/** The first `limit` people of the queue, in order. */
export function listWaitlistHead(db: Executor, cohortId: string, limit: number) {
	return db
		.selectFrom('enrolments')
		.selectAll()
		.where('cohort_id', '=', cohortId)
		.where('status', '=', 'waitlisted')
		.orderBy('position')
		.limit(limit)
		.execute();
}

/** Open offers of a cohort whose deadline has passed at `now`. */
export function listLapsedOffers(db: Executor, cohortId: string, now: Date) {
	return db
		.selectFrom('enrolments')
		.selectAll()
		.where('cohort_id', '=', cohortId)
		.where('status', '=', 'offered')
		.where('offer_expires_at', '<=', now)
		.orderBy('offer_expires_at')
		.execute();
}

export async function listCohortsWithLapsedOffers(db: Executor, now: Date): Promise<string[]> {
	const rows = await db
		.selectFrom('enrolments')
		.select('cohort_id')
		.distinct()
		.where('status', '=', 'offered')
		.where('offer_expires_at', '<=', now)
		.orderBy('cohort_id')
		.execute();
	return rows.map((r) => r.cohort_id);
}

/** Prerequisite courses of `courseId` for which the user holds no valid (unrevoked) certificate. */
export function listMissingPrerequisites(db: Executor, courseId: string, userId: string) {
	return db
		.selectFrom('course_prerequisites')
		.innerJoin('courses', 'courses.id', 'course_prerequisites.prerequisite_id')
		.select(['courses.id', 'courses.slug', 'courses.title_ko', 'courses.title_en'])
		.where('course_prerequisites.course_id', '=', courseId)
		.where(({ not, exists, selectFrom }) =>
			not(
				exists(
					selectFrom('certificates')
						.innerJoin('enrolments', 'enrolments.id', 'certificates.enrolment_id')
						.innerJoin('cohorts', 'cohorts.id', 'enrolments.cohort_id')
						.select('certificates.id')
						.whereRef('cohorts.course_id', '=', 'course_prerequisites.prerequisite_id')
						.where('enrolments.user_id', '=', userId)
						.where('certificates.revoked_at', 'is', null)
				)
			)
		)
		.orderBy('courses.title_en')
		.execute();
}

/** The verified organisation an enrolment is made through: the user's first one. */
export async function findVerifiedOrganizationId(db: Executor, userId: string): Promise<string | null> {
	return (await listVerifiedMemberships(db, userId))[0]?.id ?? null;
}

export type CohortChange = {
	labelKo: string;
	labelEn: string;
	capacity: number;
	opensAt: Date;
	closesAt: Date;
	offerHours: number;
	now: Date;
};

export function updateCohort(db: Executor, id: string, c: CohortChange) {
	return db
		.updateTable('cohorts')
		.set({
			label_ko: c.labelKo,
			label_en: c.labelEn,
			capacity: c.capacity,
			enrol_opens_at: c.opensAt,
			enrol_closes_at: c.closesAt,
			offer_hours: c.offerHours,
			updated_at: c.now
		})
		.where('id', '=', id)
		.returningAll()
		.executeTakeFirstOrThrow();
}

export function markCohortCancelled(db: Executor, id: string, reason: string, now: Date) {
	return db
		.updateTable('cohorts')
		.set({ cancelled_at: now, cancel_reason: reason, updated_at: now })
		.where('id', '=', id)
		.returningAll()
		.executeTakeFirstOrThrow();
}

/** Moves a meeting and raises its version, so calendar feeds replace the old time. */
export function moveMeeting(db: Executor, id: string, start: Date, end: Date, now: Date) {
	return db
		.updateTable('cohort_meetings')
		.set((eb) => ({ starts_at: start, ends_at: end, sequence: eb('sequence', '+', 1), updated_at: now }))
		.where('id', '=', id)
		.execute();
}

/** Enrolments a cancelled cohort ends: every live one except those already completed. */
export function listEndableEnrolments(db: Executor, cohortId: string) {
	return db
		.selectFrom('enrolments')
		.selectAll()
		.where('cohort_id', '=', cohortId)
		.where('status', 'in', ['enrolled', 'offered', 'waitlisted', 'awaiting_employer'])
		.orderBy('created_at')
		.execute();
}
