// A new blackout over existing bookings: each booker hears about it, with a link to rebook the resource.
import { sql } from 'kysely';
import type { Executor } from '../db';
import type { Context } from '../common/context';
import { notifyUser } from '../app/notifications';
import { describeWhen } from './announce';
import { range } from './repository';

export async function notifyBlackoutOverlap(
	db: Executor,
	resourceId: string,
	blackout: { start: Date; end: Date; reason_ko: string; reason_en: string },
	context: Context
): Promise<number> {
	const rows = await db
		.selectFrom('bookings')
		.innerJoin('resources', 'resources.id', 'bookings.resource_id')
		.innerJoin('facilities', 'facilities.id', 'resources.facility_id')
		.select([
			'bookings.id',
			'bookings.user_id',
			'resources.slug',
			'resources.name_ko',
			'resources.name_en',
			'facilities.time_zone',
			sql<Date>`lower(bookings.during)`.as('starts_at'),
			sql<Date>`upper(bookings.during)`.as('ends_at')
		])
		.where('bookings.resource_id', '=', resourceId)
		.where('bookings.status', 'in', ['pending', 'confirmed'])
		.where(sql<boolean>`bookings.during && ${range(blackout.start, blackout.end)}`)
		.execute();
	for (const booking of rows)
		await notifyUser(db, {
			userId: booking.user_id,
			kind: 'avail_blackout_overlap',
			params: {
				resource: booking.name_ko,
				resource_en: booking.name_en,
				when: describeWhen(booking.starts_at, booking.ends_at, booking.time_zone),
				reason: blackout.reason_ko,
				reason_en: blackout.reason_en || blackout.reason_ko
			},
			// The booking page offers reschedule and cancel; the resource page shows what is still free.
			link: `/testbed/resources/${booking.slug}`,
			origin: context.origin
		});
	return rows.length;
}
