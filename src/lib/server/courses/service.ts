// The enrolment rules. Every change to a cohort's enrolments opens a transaction and locks the
// cohort row first, so counting seats and writing the enrolment happen as one step: a cohort never
// holds more people than its capacity, and the queue moves strictly in order, once.
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db';
import { InvalidStateError, NotFoundError } from '../errors';
import type { Actor } from '../orgs/access';
import { OrgNotVerifiedError } from '../orgs/errors';
import { isCourseManager } from './access';
import { announceEnrolment, type Context } from './announce';
import { AlreadyEnrolledError, EnrolmentClosedError, OfferExpiredError, PrerequisiteMissingError } from './errors';
import * as courseRepository from './repository';
import { requestEmployerApproval } from './employer';
import { announceOffers, offerFreeSeats, renumberWaitlist, seatOrQueue } from './waitlist';
import { chargeSeat, refundSeat } from './fees';
import { announceQueueMoves, snapshotQueue } from './queue-moves';

export type EnrolmentResult = {
	id: string;
	status: 'enrolled' | 'waitlisted' | 'awaiting_employer';
	position: number | null;
};

async function lockedCohort(trx: Transaction<DB>, cohortId: string) {
	const cohort = await courseRepository.lockCohort(trx, cohortId);
	if (!cohort) throw new NotFoundError();
	return cohort;
}

/**
 * Enrols the actor, or puts them at the end of the waitlist when every seat is held. In a cohort that
 * needs the employer's approval, the request waits for an admin of the trainee's organisation instead.
 */
export async function enrol(
	db: Kysely<DB>,
	actor: Actor,
	cohortId: string,
	context: Context,
	now = new Date(),
	options: { payWithVoucher?: boolean } = {}
): Promise<EnrolmentResult> {
	return db.transaction().execute(async (trx) => {
		const cohort = await lockedCohort(trx, cohortId);
		const course = await trx
			.selectFrom('courses')
			.select(['id', 'published'])
			.where('id', '=', cohort.course_id)
			.executeTakeFirstOrThrow();
		if (!course.published) throw new NotFoundError();
		if (cohort.cancelled_at || now < cohort.enrol_opens_at || now >= cohort.enrol_closes_at)
			throw new EnrolmentClosedError();
		const orgId = await courseRepository.findVerifiedOrganizationId(trx, actor.id);
		if (!orgId) throw new OrgNotVerifiedError();
		if (await courseRepository.findLiveEnrolment(trx, cohort.id, actor.id)) throw new AlreadyEnrolledError();
		const missing = await courseRepository.listMissingPrerequisites(trx, course.id, actor.id);
		if (missing.length) throw new PrerequisiteMissingError(missing);

		const place = await seatOrQueue(trx, cohort);
		if (cohort.employer_approval) {
			// Holds no seat yet: the seat (or place in the queue) is decided when the employer approves.
			const request = await courseRepository.insertEnrolment(trx, {
				cohortId: cohort.id,
				userId: actor.id,
				orgId,
				status: 'awaiting_employer',
				position: null,
				now,
				payWithVoucher: options.payWithVoucher
			});
			await requestEmployerApproval(trx, request.id, actor.id, context);
			return { id: request.id, status: 'awaiting_employer', position: null };
		}
		const enrolment = await courseRepository.insertEnrolment(trx, {
			cohortId: cohort.id,
			userId: actor.id,
			orgId,
			status: place.status,
			position: place.position,
			now,
			payWithVoucher: options.payWithVoucher
		});
		// A seat taken now is charged now; a place in the queue when it becomes a seat (acceptOffer).
		if (place.status === 'enrolled') await chargeSeat(trx, { enrolment, cohort, actorId: actor.id, now });
		await announceEnrolment(
			trx,
			{
				enrolmentId: enrolment.id,
				actorId: actor.id,
				action: enrolment.status,
				kind: place.status === 'enrolled' ? 'courses_enrolled' : 'courses_waitlisted'
			},
			context
		);
		await announceOffers(trx, await offerFreeSeats(trx, cohort, now), context);
		return { id: enrolment.id, status: place.status, position: place.position };
	});
}

/** The trainee (or a course manager) cancels; a seat that opens is offered to the head of the queue. */
export async function cancelEnrolment(
	db: Kysely<DB>,
	actor: Actor,
	enrolmentId: string,
	context: Context,
	now = new Date()
) {
	const found = await courseRepository.findEnrolmentById(db, enrolmentId);
	if (!found) throw new NotFoundError();
	return db.transaction().execute(async (trx) => {
		const cohort = await lockedCohort(trx, found.cohort_id);
		const enrolment = (await courseRepository.findEnrolmentById(trx, enrolmentId))!;
		if (enrolment.user_id !== actor.id && !(await isCourseManager(trx, actor, cohort.course_id)))
			throw new NotFoundError();
		if (!['enrolled', 'waitlisted', 'offered', 'awaiting_employer'].includes(enrolment.status))
			throw new InvalidStateError();
		const queue = await snapshotQueue(trx, cohort.id);
		await courseRepository.updateEnrolment(trx, enrolment.id, {
			status: 'cancelled',
			position: null,
			offerExpiresAt: null,
			now
		});
		await refundSeat(trx, enrolment.id, actor.id);
		if (enrolment.status === 'waitlisted') await renumberWaitlist(trx, cohort.id);
		await announceEnrolment(
			trx,
			{
				enrolmentId,
				actorId: actor.id,
				action: 'cancelled',
				kind: 'courses_cancelled',
				data: { from: enrolment.status, position: enrolment.position }
			},
			context
		);
		await announceOffers(trx, await offerFreeSeats(trx, cohort, now), context);
		await announceQueueMoves(trx, cohort.id, queue, context);
		return (await courseRepository.findEnrolmentById(trx, enrolmentId))!;
	});
}

/**
 * Takes the offered seat, while the offer stands, and pays its fee: from a voucher when the trainee
 * asks (now, or when they joined the queue), else owed. A voucher that cannot pay leaves the offer open.
 */
export async function acceptOffer(
	db: Kysely<DB>,
	actor: Actor,
	enrolmentId: string,
	context: Context,
	now = new Date(),
	options: { payWithVoucher?: boolean } = {}
) {
	const found = await courseRepository.findEnrolmentById(db, enrolmentId);
	if (!found || found.user_id !== actor.id) throw new NotFoundError();
	return db.transaction().execute(async (trx) => {
		const cohort = await lockedCohort(trx, found.cohort_id);
		const enrolment = (await courseRepository.findEnrolmentById(trx, enrolmentId))!;
		if (enrolment.status !== 'offered')
			throw enrolment.status === 'expired' ? new OfferExpiredError() : new InvalidStateError();
		if (now >= enrolment.offer_expires_at!) throw new OfferExpiredError();
		await courseRepository.updateEnrolment(trx, enrolment.id, { status: 'enrolled', enrolledAt: now, now });
		await chargeSeat(trx, { enrolment, cohort, actorId: actor.id, now, payWithVoucher: options.payWithVoucher });
		await announceEnrolment(
			trx,
			{ enrolmentId, actorId: actor.id, action: 'offer_accepted', kind: 'courses_enrolled' },
			context
		);
		return (await courseRepository.findEnrolmentById(trx, enrolmentId))!;
	});
}
