// People waiting hear when their place in the queue improves ("you are now number 3"), not only
// when they reach the front: take the queue before a change, announce who moved up after it.
import type { Transaction } from 'kysely';
import type { DB } from '../db';
import { announceEnrolment, type Context } from './announce';

export type QueueSnapshot = Map<string, number>;

/** Waitlisted enrolment → position, read under the cohort's row lock. */
export async function snapshotQueue(trx: Transaction<DB>, cohortId: string): Promise<QueueSnapshot> {
	const rows = await trx
		.selectFrom('enrolments')
		.select(['id', 'position'])
		.where('cohort_id', '=', cohortId)
		.where('status', '=', 'waitlisted')
		.execute();
	return new Map(rows.map((r) => [r.id, r.position ?? 0]));
}

/** Tells everyone still waiting whose position is now better than in `before`. */
export async function announceQueueMoves(
	trx: Transaction<DB>,
	cohortId: string,
	before: QueueSnapshot,
	context: Context
) {
	for (const [id, position] of await snapshotQueue(trx, cohortId)) {
		const previous = before.get(id);
		if (previous === undefined || position >= previous) continue;
		await announceEnrolment(
			trx,
			{
				enrolmentId: id,
				actorId: null,
				action: 'waitlist_moved',
				kind: 'courses_waitlist_moved',
				data: { from: previous }
			},
			context
		);
	}
}
