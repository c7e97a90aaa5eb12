// The periodic courses job: offers whose deadline passed expire, and their seats go to the next
// person in the queue.
import type { Kysely } from 'kysely';
import type { DB } from '../db';
import type { Runtime } from '../runtime';
import { announceEnrolment, type Context } from './announce';
import * as courseRepository from './repository';
import { offerFreeSeats } from './waitlist';

const INTERVAL_MS = 60_000;

/**
 * Idempotent and safe to run concurrently: each cohort is handled in its own transaction under the
 * cohort's row lock, and only offers still `offered` past their deadline are expired, so a second
 * run (or a run on another node at the same time) finds nothing left to change.
 */
export async function expireOffers(db: Kysely<DB>, now: Date, context: Context = { ip: null, origin: process.env.ORIGIN ?? 'http://localhost:3000' }) {
	const expired: string[] = [];
	const offered: string[] = [];
	for (const cohortId of await courseRepository.listCohortsWithLapsedOffers(db, now)) {
		await db.transaction().execute(async (trx) => {
			const cohort = await courseRepository.lockCohort(trx, cohortId);
			if (!cohort) return;
			for (const lapsed of await courseRepository.listLapsedOffers(trx, cohortId, now)) {
				await courseRepository.updateEnrolment(trx, lapsed.id, { status: 'expired', now });
				await announceEnrolment(trx, { enrolmentId: lapsed.id, actorId: null, action: 'offer_expired', kind: 'courses_offer_expired' }, context);
				expired.push(lapsed.id);
			}
			for (const offer of await offerFreeSeats(trx, cohort, now)) {
				await announceEnrolment(trx, { enrolmentId: offer.enrolmentId, actorId: null, action: 'offered', kind: 'courses_offered' }, context);
				offered.push(offer.enrolmentId);
			}
		});
	}
	return { expired, offered };
}

export function startCoursesWorker(runtime: Runtime): () => Promise<void> {
	let stopped = false;
	let running: Promise<unknown> = Promise.resolve();
	const timer = setInterval(() => {
		if (stopped) return;
		running = running
			.then(() => expireOffers(runtime.database.db, new Date()))
			.then((result) => {
				if (result.expired.length || result.offered.length) runtime.logger.info(result, 'course offers moved on');
			})
			.catch((error) => runtime.logger.error({ err: error }, 'courses worker failed'));
	}, INTERVAL_MS);
	return async () => {
		stopped = true;
		clearInterval(timer);
		await running;
	};
}
