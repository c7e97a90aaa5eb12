// Course managers change a cohort after it was scheduled: its labels, capacity, enrolment window and
// meeting times, or cancel it with a reason. Both run under the cohort's row lock, the lock every
// enrolment takes, so a capacity cut and an enrolment never race: the cut sees every seat taken
// before it, and an enrolment after it sees the new capacity. Each change is audited and told to
// the trainees concerned, in their language.
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db';
import { recordAudit } from '../audit/repository';
import { NotFoundError } from '../errors';
import type { Actor } from '../orgs/access';
import { requireCourseManager } from './access';
import { announceEnrolment, type Context } from './announce';
import { CapacityBelowSeatsError, CohortCancelledError, MeetingInvalidError } from './errors';
import { refundSeat } from './fees';
import { announceQueueMoves, snapshotQueue } from './queue-moves';
import * as courseRepository from './repository';
import { announceOffers, offerFreeSeats } from './waitlist';

export type CohortEdit = {
	labelKo: string;
	labelEn: string;
	capacity: number;
	opensAt: Date;
	closesAt: Date;
	offerHours: number;
	/** New times of existing meetings, by id; meetings not named keep their time. */
	meetings: { id: string; start: Date; end: Date }[];
};

async function lockManagedCohort(trx: Transaction<DB>, actor: Actor, cohortId: string) {
	const cohort = await courseRepository.lockCohort(trx, cohortId);
	if (!cohort) throw new NotFoundError();
	await requireCourseManager(trx, actor, cohort.course_id);
	if (cohort.cancelled_at) throw new CohortCancelledError();
	return cohort;
}

/** Applies the edit; a capacity below the seats held is refused and nothing changes. */
export async function editCohort(
	db: Kysely<DB>,
	actor: Actor,
	cohortId: string,
	edit: CohortEdit,
	context: Context,
	now = new Date()
) {
	return db.transaction().execute(async (trx) => {
		const before = await lockManagedCohort(trx, actor, cohortId);
		const { held } = await courseRepository.countSeats(trx, cohortId);
		if (edit.capacity < held) throw new CapacityBelowSeatsError(held, edit.capacity);
		const current = await trx.selectFrom('cohort_meetings').selectAll().where('cohort_id', '=', cohortId).execute();
		const moved = edit.meetings.filter((m) => {
			const meeting = current.find((c) => c.id === m.id);
			if (!meeting || !(m.end > m.start)) throw new MeetingInvalidError();
			return meeting.starts_at.getTime() !== m.start.getTime() || meeting.ends_at.getTime() !== m.end.getTime();
		});
		const queue = await snapshotQueue(trx, cohortId);
		const cohort = await courseRepository.updateCohort(trx, cohortId, { ...edit, now });
		for (const m of moved) await courseRepository.moveMeeting(trx, m.id, m.start, m.end, now);
		await recordAudit(trx, {
			actorId: actor.id,
			action: 'cohort.edited',
			entityType: 'cohort',
			entityId: cohortId,
			ip: context.ip,
			data: {
				before: {
					labelKo: before.label_ko,
					labelEn: before.label_en,
					capacity: before.capacity,
					opensAt: before.enrol_opens_at.toISOString(),
					closesAt: before.enrol_closes_at.toISOString(),
					offerHours: before.offer_hours
				},
				after: {
					labelKo: cohort.label_ko,
					labelEn: cohort.label_en,
					capacity: cohort.capacity,
					opensAt: cohort.enrol_opens_at.toISOString(),
					closesAt: cohort.enrol_closes_at.toISOString(),
					offerHours: cohort.offer_hours
				},
				movedMeetings: moved.map((m) => ({ id: m.id, start: m.start.toISOString(), end: m.end.toISOString() }))
			}
		});
		if (moved.length) {
			for (const e of await courseRepository.listEndableEnrolments(trx, cohortId)) {
				if (e.status === 'awaiting_employer') continue;
				await announceEnrolment(
					trx,
					{
						enrolmentId: e.id,
						actorId: actor.id,
						action: 'cohort_rescheduled',
						kind: 'courses_cohort_rescheduled',
						data: { meetings: moved.length }
					},
					context
				);
			}
		}
		// A raise opens seats: offers go to the head of the queue in order, as when someone leaves.
		const offers = await offerFreeSeats(trx, cohort, now);
		await announceOffers(trx, offers, context);
		await announceQueueMoves(trx, cohortId, queue, context);
		return { cohort, moved: moved.length, offered: offers.length };
	});
}

/**
 * Cancels the cohort: every live enrolment ends (seats, offers, the queue and pending employer
 * requests), what vouchers paid is refunded once, and each trainee is told the reason. Completed
 * enrolments keep their certificates.
 */
export async function cancelCohort(
	db: Kysely<DB>,
	actor: Actor,
	cohortId: string,
	reason: string,
	context: Context,
	now = new Date()
) {
	return db.transaction().execute(async (trx) => {
		await lockManagedCohort(trx, actor, cohortId);
		await courseRepository.markCohortCancelled(trx, cohortId, reason, now);
		let refundedKrw = 0;
		const ended = await courseRepository.listEndableEnrolments(trx, cohortId);
		for (const e of ended) {
			await courseRepository.updateEnrolment(trx, e.id, {
				status: 'cancelled',
				position: null,
				offerExpiresAt: null,
				now
			});
			refundedKrw += await refundSeat(trx, e.id, actor.id);
			await announceEnrolment(
				trx,
				{
					enrolmentId: e.id,
					actorId: actor.id,
					action: 'cohort_cancelled',
					kind: 'courses_cohort_cancelled',
					data: { from: e.status, reason },
					params: { reason }
				},
				context
			);
		}
		await recordAudit(trx, {
			actorId: actor.id,
			action: 'cohort.cancelled',
			entityType: 'cohort',
			entityId: cohortId,
			ip: context.ip,
			data: { reason, ended: ended.length, refundedKrw }
		});
		return { ended: ended.length, refundedKrw };
	});
}
