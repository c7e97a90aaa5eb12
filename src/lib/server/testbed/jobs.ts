// The periodic testbed job: confirmed bookings nobody checked in to become no-shows (freeing the rest
// of the slot: the exclusion constraint covers only pending/confirmed), unanswered requests expire.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db';
import type { RecurringJob } from '../jobs/runner';
import { announceBooking } from './announce';
import { refundPayments } from '../vouchers/service';

/**
 * Idempotent: each UPDATE only matches rows still in the old status, so a second run (or a run on
 * another node at the same time) finds nothing left to change.
 */
export async function markNoShows(db: Kysely<DB>, now: Date, origin = process.env.ORIGIN ?? 'http://localhost:3000') {
	return db.transaction().execute(async (trx) => {
		const noShows = await trx
			.updateTable('bookings')
			.from('resources')
			.set((eb) => ({ status: 'no_show', ended_at: now, updated_at: now, sequence: eb('bookings.sequence', '+', 1) }))
			.whereRef('resources.id', '=', 'bookings.resource_id')
			.where('bookings.status', '=', 'confirmed')
			.where('bookings.checked_in_at', 'is', null)
			.where(sql<boolean>`lower(bookings.during) + resources.checkin_after_minutes * interval '1 minute' < ${now}`)
			.returning('bookings.id')
			.execute();
		const expired = await trx
			.updateTable('bookings')
			.set((eb) => ({ status: 'expired', updated_at: now, sequence: eb('sequence', '+', 1) }))
			.where('status', '=', 'pending')
			.where(sql<boolean>`lower(during) < ${now}`)
			.returning('id')
			.execute();
		const context = { ip: null, origin };
		for (const { id } of noShows)
			await announceBooking(
				trx,
				{ bookingId: id, actorId: null, action: 'no_show', kind: 'testbed_booking_no_show' },
				context
			);
		// A request nobody answered was never used: what a voucher paid for it goes back.
		for (const { id } of expired) await refundPayments(trx, { bookingId: id }, null);
		for (const { id } of expired)
			await announceBooking(
				trx,
				{ bookingId: id, actorId: null, action: 'expired', kind: 'testbed_booking_expired' },
				context
			);
		return { noShows: noShows.map((r) => r.id), expired: expired.map((r) => r.id) };
	});
}

/** On the job runner (src/lib/server/jobs): every minute, on whichever node claims it. */
export const testbedJobs: RecurringJob[] = [
	{
		name: 'testbed.close_bookings',
		everySeconds: 60,
		handler: async ({ db, now, origin, logger }) => {
			const result = await markNoShows(db, now, origin);
			if (result.noShows.length || result.expired.length) logger?.info(result, 'testbed bookings closed');
		}
	}
];
