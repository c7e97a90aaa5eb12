// Employer approval: in a cohort that asks for it, an enrolment waits until an owner or admin of the
// trainee's organisation decides. Approval runs the normal placement (a seat or the end of the queue)
// under the cohort's lock; refusal ends the request with a reason. Each step is audited and announced.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB, Executor } from '../db';
import { InvalidStateError, NotFoundError } from '../errors';
import { notifyUser } from '../app/notifications';
import type { Actor } from '../orgs/access';
import { announceEnrolment, type Context } from './announce';
import { EnrolmentClosedError } from './errors';
import * as courseRepository from './repository';
import { announceOffers, offerFreeSeats, seatOrQueue } from './waitlist';
import { chargeSeat } from './fees';

const APPROVALS_PATH = '/courses/approvals';

function listOrgAdminIds(db: Executor, orgId: string) {
	return db
		.selectFrom('memberships')
		.select('user_id')
		.where('org_id', '=', orgId)
		.where('role', 'in', ['owner', 'admin'])
		.execute();
}

/** Tells the trainee the request is waiting, and every admin of their organisation that it needs them. */
export async function requestEmployerApproval(
	trx: Transaction<DB>,
	enrolmentId: string,
	actorId: string,
	context: Context
) {
	const enrolment = await announceEnrolment(
		trx,
		{ enrolmentId, actorId, action: 'awaiting_employer', kind: 'courses_awaiting_employer' },
		context
	);
	const cohort = (await courseRepository.findCohort(trx, enrolment.cohort_id))!;
	const trainee = await trx
		.selectFrom('users')
		.select('name')
		.where('id', '=', enrolment.user_id)
		.executeTakeFirstOrThrow();
	const params = {
		trainee: trainee.name,
		course: cohort.title_ko,
		course_en: cohort.title_en,
		cohort: cohort.label_ko,
		cohort_en: cohort.label_en
	};
	for (const admin of await listOrgAdminIds(trx, enrolment.org_id)) {
		await notifyUser(trx, {
			userId: admin.user_id,
			kind: 'courses_approval_requested',
			params,
			link: APPROVALS_PATH,
			origin: context.origin
		});
	}
}

/** Whether the actor is an owner or admin of the organisation the enrolment was made through. */
async function isEmployerAdmin(db: Executor, actor: Actor, orgId: string) {
	const row = await db
		.selectFrom('memberships')
		.select('role')
		.where('org_id', '=', orgId)
		.where('user_id', '=', actor.id)
		.where('role', 'in', ['owner', 'admin'])
		.executeTakeFirst();
	return row !== undefined;
}

/** Locks the cohort and returns the request, if it still awaits this actor's organisation. */
async function lockedRequest(trx: Transaction<DB>, actor: Actor, enrolmentId: string) {
	const found = await courseRepository.findEnrolmentById(trx, enrolmentId);
	// For an admin of another organisation the request does not exist.
	if (!found || !(await isEmployerAdmin(trx, actor, found.org_id))) throw new NotFoundError();
	const cohort = (await courseRepository.lockCohort(trx, found.cohort_id))!;
	const enrolment = (await courseRepository.findEnrolmentById(trx, enrolmentId))!;
	if (enrolment.status !== 'awaiting_employer') throw new InvalidStateError();
	return { cohort, enrolment };
}

/** Approves the request: the trainee takes a free seat (charged now), or joins the end of the queue. */
export async function approveEnrolment(
	db: Kysely<DB>,
	actor: Actor,
	enrolmentId: string,
	context: Context,
	now = new Date()
) {
	return db.transaction().execute(async (trx) => {
		const { cohort, enrolment } = await lockedRequest(trx, actor, enrolmentId);
		if (cohort.cancelled_at) throw new EnrolmentClosedError();
		const place = await seatOrQueue(trx, cohort);
		await courseRepository.updateEnrolment(trx, enrolment.id, {
			status: place.status,
			position: place.position,
			enrolledAt: place.status === 'enrolled' ? now : null,
			now,
			decision: { by: actor.id, reason: null }
		});
		// The employer cannot change the trainee's choice: a voucher that cannot pay leaves the fee owed.
		if (place.status === 'enrolled')
			await chargeSeat(trx, { enrolment, cohort, actorId: actor.id, now, fallBackToOwed: true });
		await announceEnrolment(
			trx,
			{
				enrolmentId,
				actorId: actor.id,
				action: `employer_approved`,
				kind: place.status === 'enrolled' ? 'courses_enrolled' : 'courses_waitlisted',
				data: { placed: place.status }
			},
			context
		);
		await announceOffers(trx, await offerFreeSeats(trx, cohort, now), context);
		return { id: enrolment.id, status: place.status, position: place.position };
	});
}

/** Refuses the request with a reason the trainee reads. */
export async function refuseEnrolment(
	db: Kysely<DB>,
	actor: Actor,
	enrolmentId: string,
	reason: string,
	context: Context,
	now = new Date()
) {
	return db.transaction().execute(async (trx) => {
		const { enrolment } = await lockedRequest(trx, actor, enrolmentId);
		await courseRepository.updateEnrolment(trx, enrolment.id, {
			status: 'refused',
			now,
			decision: { by: actor.id, reason }
		});
		await announceEnrolment(
			trx,
			{
				enrolmentId,
				actorId: actor.id,
				action: 'employer_refused',
				kind: 'courses_employer_refused',
				data: { reason },
				params: { reason }
			},
			context
		);
	});
}

/** The requests waiting for any organisation the user administers, oldest first. */
export function listPendingApprovals(db: Executor, userId: string) {
	return db
		.selectFrom('enrolments')
		.innerJoin('memberships', (join) =>
			join
				.onRef('memberships.org_id', '=', 'enrolments.org_id')
				.on('memberships.user_id', '=', userId)
				.on('memberships.role', 'in', ['owner', 'admin'])
		)
		.innerJoin('users', 'users.id', 'enrolments.user_id')
		.innerJoin('organizations', 'organizations.id', 'enrolments.org_id')
		.innerJoin('cohorts', 'cohorts.id', 'enrolments.cohort_id')
		.innerJoin('courses', 'courses.id', 'cohorts.course_id')
		.select([
			'enrolments.id',
			'enrolments.created_at',
			'users.name',
			'users.email',
			'organizations.name_ko as org_name_ko',
			'organizations.name_en as org_name_en'
		])
		.select([
			'courses.slug as course_slug',
			'courses.title_ko',
			'courses.title_en',
			'cohorts.label_ko',
			'cohorts.label_en'
		])
		.select(
			sql<Date | null>`(select min(m.starts_at) from cohort_meetings m where m.cohort_id = cohorts.id)`.as('starts_at')
		)
		.where('enrolments.status', '=', 'awaiting_employer')
		.orderBy('enrolments.created_at')
		.execute();
}

/** How many requests wait for the user's decision (the count beside "Approvals" in the main navigation). */
export async function countPendingApprovals(db: Executor, userId: string): Promise<number> {
	const row = await db
		.selectFrom('enrolments')
		.innerJoin('memberships', (join) =>
			join
				.onRef('memberships.org_id', '=', 'enrolments.org_id')
				.on('memberships.user_id', '=', userId)
				.on('memberships.role', 'in', ['owner', 'admin'])
		)
		.select((eb) => eb.fn.countAll<string>().as('n'))
		.where('enrolments.status', '=', 'awaiting_employer')
		.executeTakeFirstOrThrow();
	return Number(row.n);
}

/** Whether the user administers any organisation (who may open the approvals page). */
export async function isAnyOrgAdmin(db: Executor, userId: string) {
	const row = await db
		.selectFrom('memberships')
		.select('org_id')
		.where('user_id', '=', userId)
		.where('role', 'in', ['owner', 'admin'])
		.executeTakeFirst();
	return row !== undefined;
}
