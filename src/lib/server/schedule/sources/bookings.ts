// The member's own testbed bookings, and all bookings of a facility for its managers' feed.
import { sql } from 'kysely';
import type { Executor } from '../../db';
import type { BookingStatus } from '../../db/types';
import type { ScheduleItem, ScheduleRange, ScheduleStatus } from '../types';

const ACTIVE: BookingStatus[] = ['pending', 'confirmed', 'completed'];

export function bookingStatus(status: BookingStatus): ScheduleStatus {
	if (status === 'pending') return 'tentative';
	return status === 'confirmed' || status === 'completed' ? 'confirmed' : 'cancelled';
}

function bookingQuery(db: Executor, range: ScheduleRange) {
	let query = db
		.selectFrom('bookings')
		.innerJoin('resources', 'resources.id', 'bookings.resource_id')
		.innerJoin('facilities', 'facilities.id', 'resources.facility_id')
		.innerJoin('organizations', 'organizations.id', 'bookings.org_id')
		.select([
			'bookings.id',
			'bookings.status',
			'bookings.sequence',
			'bookings.updated_at',
			sql<Date>`lower(bookings.during)`.as('starts_at'),
			sql<Date>`upper(bookings.during)`.as('ends_at'),
			'resources.name_ko',
			'resources.name_en',
			'resources.location',
			'resources.rules_ko',
			'resources.rules_en',
			'facilities.name_ko as facility_ko',
			'facilities.name_en as facility_en',
			'organizations.name_ko as org_ko',
			'organizations.name_en as org_en'
		])
		.where(sql<boolean>`bookings.during && tstzrange(${range.from}, ${range.to})`);
	if (!range.includeCancelled) query = query.where('bookings.status', 'in', ACTIVE);
	return query.orderBy(sql`lower(bookings.during)`);
}

type BookingItemRow = Awaited<ReturnType<ReturnType<typeof bookingQuery>['execute']>>[number];

/** The booker sees the resource; a facility's managers also see who booked it. */
const toItem = (row: BookingItemRow, withOrg = false): ScheduleItem => ({
	uid: `booking-${row.id}`,
	kind: 'booking',
	title_ko: withOrg ? `${row.name_ko} · ${row.org_ko}` : row.name_ko,
	title_en: withOrg ? `${row.name_en} · ${row.org_en}` : row.name_en,
	startsAt: new Date(row.starts_at),
	endsAt: new Date(row.ends_at),
	status: bookingStatus(row.status),
	link: `/testbed/bookings/${row.id}`,
	location_ko: [row.facility_ko, row.location].filter(Boolean).join(' · '),
	location_en: [row.facility_en, row.location].filter(Boolean).join(' · '),
	details_ko: row.rules_ko,
	details_en: row.rules_en || row.rules_ko,
	sequence: row.sequence,
	updatedAt: row.updated_at
});

export async function listBookingItems(db: Executor, userId: string, range: ScheduleRange): Promise<ScheduleItem[]> {
	return (await bookingQuery(db, range).where('bookings.user_id', '=', userId).execute()).map((row) => toItem(row));
}

export async function listFacilityBookingItems(
	db: Executor,
	facilityId: string,
	range: ScheduleRange
): Promise<ScheduleItem[]> {
	return (await bookingQuery(db, range).where('resources.facility_id', '=', facilityId).execute()).map((row) =>
		toItem(row, true)
	);
}
