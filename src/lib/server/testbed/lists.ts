// The booking lists of the pages: a member's own (and their organisation's, for org admins), a manager's queue.
import { sql } from 'kysely';
import type { Executor } from '../db';
import type { Actor } from '../orgs/access';
import { listManagedFacilityIds } from './access';
import { bookingQuery } from './repository';

export function listMyBookings(db: Executor, userId: string, limit = 100) {
	return bookingQuery(db)
		.where((eb) =>
			eb.or([
				eb('bookings.user_id', '=', userId),
				eb(
					'bookings.org_id',
					'in',
					eb
						.selectFrom('memberships')
						.select('org_id')
						.where('user_id', '=', userId)
						.where('role', 'in', ['owner', 'admin'])
				)
			])
		)
		.orderBy(sql`lower(bookings.during)`, 'desc')
		.limit(limit)
		.execute();
}

/** Pending requests and the next week's bookings of the facilities the actor manages. */
export async function listManagerQueue(db: Executor, actor: Actor, now: Date) {
	const facilityIds = await listManagedFacilityIds(db, actor);
	if (!facilityIds.length) return { facilityIds, pending: [], upcoming: [] };
	const base = () => bookingQuery(db).where('resources.facility_id', 'in', facilityIds);
	const pending = await base()
		.where('bookings.status', '=', 'pending')
		.orderBy(sql`lower(bookings.during)`)
		.limit(200)
		.execute();
	const weekLater = new Date(now.getTime() + 7 * 86_400_000);
	const upcoming = await base()
		.where('bookings.status', '=', 'confirmed')
		.where(sql<boolean>`upper(bookings.during) > ${now} and lower(bookings.during) < ${weekLater}`)
		.orderBy(sql`lower(bookings.during)`)
		.limit(200)
		.execute();
	return { facilityIds, pending, upcoming };
}
