// A facility manager's week: every booking (confirmed and pending) of all the resources of one facility,
// grouped by day in the facility's time zone (issue 21). Only the facility's managers and operators see it.
import { sql } from 'kysely';
import type { Executor } from '../db';
import type { Actor } from '../orgs/access';
import { ForbiddenError, NotFoundError } from '../errors';
import { listManagedFacilityIds } from './access';
import { bookingRow, type BookingRowData } from './booking-row';
import { bookingQuery } from './repository';
import { weekRange, weekToShow } from './week-view';
import { addDays, localParts } from '$lib/server/common/zoned-time';
import { DEFAULT_TIME_ZONE } from '$lib/time-zone';

export type FacilityCalendar = {
	facility: { id: string; slug: string; name_ko: string; name_en: string; time_zone: string };
	facilities: { slug: string; name_ko: string; name_en: string }[];
	monday: string;
	previous: string;
	next: string;
	days: { date: string; bookings: BookingRowData[] }[];
};

/**
 * The week (any date in it, else this week) of the facility asked for by slug, else the first one the actor
 * manages. Someone who manages no facility gets 403; a facility they do not manage is 404 (no existence leak).
 */
export async function loadFacilityCalendar(
	db: Executor,
	actor: Actor,
	query: { facility: string | null; week: string | null },
	now: Date
): Promise<FacilityCalendar> {
	const managed = await listManagedFacilityIds(db, actor);
	if (!managed.length) throw new ForbiddenError('not_facility_manager');
	const facilities = await db
		.selectFrom('facilities')
		.select(['id', 'slug', 'name_ko', 'name_en', 'time_zone'])
		.where('id', 'in', managed)
		.orderBy('slug')
		.execute();
	const facility = query.facility ? facilities.find((f) => f.slug === query.facility) : facilities[0];
	if (!facility) throw new NotFoundError();
	const timeZone = facility.time_zone || DEFAULT_TIME_ZONE;
	const monday = weekToShow(query.week, now, timeZone);
	const { from, to } = weekRange(monday, timeZone);
	const rows = await bookingQuery(db)
		.where('resources.facility_id', '=', facility.id)
		.where('bookings.status', 'in', ['confirmed', 'pending'])
		.where(sql<boolean>`upper(bookings.during) > ${from} and lower(bookings.during) < ${to}`)
		.orderBy(sql`lower(bookings.during)`)
		.limit(500)
		.execute();
	const days = Array.from({ length: 7 }, (_, i) => ({ date: addDays(monday, i), bookings: [] as BookingRowData[] }));
	for (const row of rows) {
		// A booking is listed on the day it starts; one that began the week before shows on Monday.
		const start = localParts(row.starts_at < from ? from : row.starts_at, timeZone).date;
		days.find((d) => d.date === start)?.bookings.push(bookingRow(row));
	}
	return {
		facility: { ...facility, time_zone: timeZone },
		facilities: facilities.map(({ slug, name_ko, name_en }) => ({ slug, name_ko, name_en })),
		monday,
		previous: addDays(monday, -7),
		next: addDays(monday, 7),
		days
	};
}
