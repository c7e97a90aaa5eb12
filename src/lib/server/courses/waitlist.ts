// The waitlist of one cohort, always called under the cohort's row lock: append at the end, close
// gaps after anyone leaves, seat or queue a newcomer, and turn free seats into offers for the head of
// the queue, in order.
import { sql, type Transaction } from 'kysely';
import type { DB } from '../db';
import type { CohortsTable } from '../db/courses-types';
import type { Selectable } from 'kysely';
import { announceEnrolment, type Context } from './announce';
import { CohortFullError } from './errors';
import * as courseRepository from './repository';

type Cohort = Selectable<CohortsTable>;
const HOUR_MS = 3_600_000;
/** Far above any real queue: lifts positions clear of 1..n before they are renumbered. */
const PARK_OFFSET = 1_000_000;

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
		await courseRepository.updateEnrolment(trx, head.id, {
			status: 'offered',
			position: null,
			offerExpiresAt: expiresAt,
			now
		});
		offers.push({ enrolmentId: head.id, userId: head.user_id, expiresAt });
	}
	await renumberWaitlist(trx, cohort.id);
	return offers;
}

export async function announceOffers(trx: Transaction<DB>, offers: Offer[], context: Context) {
	for (const offer of offers)
		await announceEnrolment(
			trx,
			{ enrolmentId: offer.enrolmentId, actorId: null, action: 'offered', kind: 'courses_offered' },
			context
		);
}

/** Where a newcomer goes: a seat, or the end of the queue (a full cohort without one refuses). */
export async function seatOrQueue(
	trx: Transaction<DB>,
	cohort: Cohort
): Promise<{ status: 'enrolled' | 'waitlisted'; position: number | null }> {
	const { held, waitlisted } = await courseRepository.countSeats(trx, cohort.id);
	// Nobody jumps the queue: a free seat goes to a newcomer only when nobody is waiting for it.
	const seat = held < cohort.capacity && waitlisted === 0;
	if (!seat && !cohort.waitlist_enabled) throw new CohortFullError();
	return seat ? { status: 'enrolled', position: null } : { status: 'waitlisted', position: waitlisted + 1 };
}
