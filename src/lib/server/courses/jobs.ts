// The periodic courses job: offers whose deadline passed expire, and their seats go to the next
// person in the queue.
import type { Kysely } from 'kysely';
import type { DB } from '../db';
import type { RecurringJob } from '../jobs/runner';
import { announceEnrolment, type Context } from './announce';
import * as courseRepository from './repository';
import { offerFreeSeats } from './waitlist';
import { announceQueueMoves, snapshotQueue } from './queue-moves';

/**
 * Idempotent and safe to run concurrently: each cohort is handled in its own transaction under the
 * cohort's row lock, and only offers still `offered` past their deadline are expired, so a second
 * run (or a run on another node at the same time) finds nothing left to change.
 */
export async function expireOffers(
	db: Kysely<DB>,
	now: Date,
	context: Context = { ip: null, origin: process.env.ORIGIN ?? 'http://localhost:3000' }
) {
	const expired: string[] = [];
	const offered: string[] = [];
	for (const cohortId of await courseRepository.listCohortsWithLapsedOffers(db, now)) {
		await db.transaction().execute(async (trx) => {
			const cohort = await courseRepository.lockCohort(trx, cohortId);
			if (!cohort) return;
			const queue = await snapshotQueue(trx, cohortId);
			for (const lapsed of await courseRepository.listLapsedOffers(trx, cohortId, now)) {
				await courseRepository.updateEnrolment(trx, lapsed.id, { status: 'expired', now });
				await announceEnrolment(
					trx,
					{ enrolmentId: lapsed.id, actorId: null, action: 'offer_expired', kind: 'courses_offer_expired' },
					context
				);
				expired.push(lapsed.id);
			}
			for (const offer of await offerFreeSeats(trx, cohort, now)) {
				await announceEnrolment(
					trx,
					{ enrolmentId: offer.enrolmentId, actorId: null, action: 'offered', kind: 'courses_offered' },
					context
				);
				offered.push(offer.enrolmentId);
			}
			await announceQueueMoves(trx, cohortId, queue, context);
		});
	}
	return { expired, offered };
}

/** On the job runner (src/lib/server/jobs): every minute, on whichever node claims it. */
export const coursesJobs: RecurringJob[] = [
	{
		name: 'courses.expire_offers',
		everySeconds: 60,
		handler: async ({ db, now, origin, logger }) => {
			const result = await expireOffers(db, now, { ip: null, origin });
			if (result.expired.length || result.offered.length) logger?.info(result, 'course offers moved on');
		}
	}
];
