// The waitlist of one cohort, always called under the cohort's row lock: append at the end, close
// gaps after anyone leaves, and turn free seats into offers for the head of the queue, in order.
import { sql, type Transaction } from 'kysely';
import type { DB } from '../db';
import type { CohortsTable } from '../db/courses-types';
import type { Selectable } from 'kysely';
import * as courseRepository from './repository';

type Cohort = Selectable<CohortsTable>;
const HOUR_MS = 3_600_000;
/** Far above any real queue: lifts positions clear of 1..n before they are renumbered. */
const PARK_OFFSET = 1_000_000;

export async function nextPosition(trx: Transaction<DB>, cohortId: string): Promise<number> {
	const { waitlisted } = await courseRepository.countSeats(trx, cohortId);
	return waitlisted + 1;
}

/**
 * Renumbers the queue 1..n in its current order. Two statements, because the unique index on
 * (cohort, position) is checked row by row: park every position out of the way, then set the new ones.
 */
export async function renumberWaitlist(trx: Transaction<DB>, cohortId: string): Promise<void> {
	await trx
		.updateTable('enrolments')
		.set((eb) => ({ position: eb('position', '+', PARK_OFFSET) }))
		.where('cohort_id', '=', cohortId)
		.where('status', '=', 'waitlisted')
		.execute();
	await sql`
		update enrolments set position = ranked.n
		from (select id, row_number() over (order by position) as n from enrolments where cohort_id = ${cohortId} and status = 'waitlisted') as ranked
		where enrolments.id = ranked.id`.execute(trx);
}

export type Offer = { enrolmentId: string; userId: string; expiresAt: Date };

/** Every free seat goes, as an offer with a deadline, to the next person in the queue. */
export async function offerFreeSeats(trx: Transaction<DB>, cohort: Cohort, now: Date): Promise<Offer[]> {
	const { held, waitlisted } = await courseRepository.countSeats(trx, cohort.id);
	const free = cohort.capacity - held;
	if (free <= 0 || waitlisted === 0) return [];
	const expiresAt = new Date(now.getTime() + cohort.offer_hours * HOUR_MS);
	const offers: Offer[] = [];
	for (const head of await courseRepository.listWaitlistHead(trx, cohort.id, free)) {
		await courseRepository.updateEnrolment(trx, head.id, { status: 'offered', position: null, offerExpiresAt: expiresAt, now });
		offers.push({ enrolmentId: head.id, userId: head.user_id, expiresAt });
	}
	await renumberWaitlist(trx, cohort.id);
	return offers;
}
