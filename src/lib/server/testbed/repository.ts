// Queries of resources and bookings. Ranges leave the database as `starts_at`/`ends_at` instants.
import { sql, type ExpressionBuilder } from 'kysely';
import type { DB, Executor } from '../db';
import type { BookingStatus } from '../db/types';

/** Statuses the exclusion constraint covers: they hold the slot. */
export const ACTIVE_STATUSES = ['pending', 'confirmed'] as const satisfies BookingStatus[];

export const range = (start: Date, end: Date) => sql<string>`tstzrange(${start}, ${end}, '[)')`;

const startsAt = sql<Date>`lower(bookings.during)`.as('starts_at');
const endsAt = sql<Date>`upper(bookings.during)`.as('ends_at');

const resourceColumns = (eb: ExpressionBuilder<DB, 'resources' | 'facilities'>) => [
	eb.ref('facilities.time_zone').as('time_zone'),
	eb.ref('facilities.org_id').as('facility_org_id'),
	eb.ref('facilities.slug').as('facility_slug'),
	eb.ref('facilities.name_ko').as('facility_name_ko'),
	eb.ref('facilities.name_en').as('facility_name_en')
];

function resourceQuery(db: Executor) {
	return db
		.selectFrom('resources')
		.innerJoin('facilities', 'facilities.id', 'resources.facility_id')
		.selectAll('resources')
		.select(resourceColumns);
}

export type ResourceWithFacility = NonNullable<Awaited<ReturnType<typeof findResourceById>>>;

export function findResourceById(db: Executor, id: string) {
	return resourceQuery(db).where('resources.id', '=', id).executeTakeFirst();
}

export function findResourceBySlug(db: Executor, slug: string) {
	return resourceQuery(db).where('resources.slug', '=', slug).executeTakeFirst();
}

export type ResourceFilter = { kind?: string; text?: string; facilityId?: string; ids?: string[] };

export function listResources(db: Executor, filter: ResourceFilter = {}) {
	let query = resourceQuery(db).where('resources.active', '=', true);
	if (filter.kind) query = query.where('resources.kind', '=', filter.kind as never);
	if (filter.facilityId) query = query.where('resources.facility_id', '=', filter.facilityId);
	if (filter.ids)
		query = query.where(
			'resources.id',
			'in',
			filter.ids.length ? filter.ids : ['00000000-0000-0000-0000-000000000000']
		);
	if (filter.text) {
		const pattern = `%${filter.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
		query = query.where((eb) =>
			eb.or([
				eb('resources.name_ko', 'ilike', pattern),
				eb('resources.name_en', 'ilike', pattern),
				eb('resources.description_en', 'ilike', pattern),
				eb('resources.description_ko', 'ilike', pattern)
			])
		);
	}
	return query.orderBy('facilities.slug').orderBy('resources.name_en').execute();
}

export function listHours(db: Executor, resourceIds: string[]) {
	if (!resourceIds.length) return Promise.resolve([]);
	return db.selectFrom('resource_hours').selectAll().where('resource_id', 'in', resourceIds).execute();
}

export function listBlackouts(db: Executor, resourceIds: string[], from: Date, to: Date) {
	if (!resourceIds.length) return Promise.resolve([]);
	return db
		.selectFrom('resource_blackouts')
		.select([
			'id',
			'resource_id',
			'reason_ko',
			'reason_en',
			sql<Date>`lower(during)`.as('starts_at'),
			sql<Date>`upper(during)`.as('ends_at')
		])
		.where('resource_id', 'in', resourceIds)
		.where(sql<boolean>`during && ${range(from, to)}`)
		.execute();
}

/**
 * Blackouts and slot-holding bookings of these resources touching [from, to), in one query, sorted
 * by resource and start: what availability subtracts from the opening hours.
 */
export function listTakenIntervals(db: Executor, resourceIds: string[], from: Date, to: Date) {
	if (!resourceIds.length) return Promise.resolve([]);
	const during = range(from, to);
	return db
		.selectFrom('resource_blackouts')
		.select([
			'resource_id',
			sql<string | null>`null::text`.as('status'),
			'reason_ko',
			'reason_en',
			sql<Date>`lower(during)`.as('starts_at'),
			sql<Date>`upper(during)`.as('ends_at')
		])
		.where('resource_id', 'in', resourceIds)
		.where(sql<boolean>`during && ${during}`)
		.unionAll(
			db
				.selectFrom('bookings')
				.select([
					'resource_id',
					'status',
					sql<string>`''`.as('reason_ko'),
					sql<string>`''`.as('reason_en'),
					startsAt,
					endsAt
				])
				.where('resource_id', 'in', resourceIds)
				.where('status', 'in', ACTIVE_STATUSES)
				.where(sql<boolean>`during && ${during}`)
		)
		.orderBy('resource_id')
		.orderBy('starts_at')
		.execute();
}

export function bookingQuery(db: Executor) {
	return db
		.selectFrom('bookings')
		.innerJoin('resources', 'resources.id', 'bookings.resource_id')
		.innerJoin('facilities', 'facilities.id', 'resources.facility_id')
		.innerJoin('organizations', 'organizations.id', 'bookings.org_id')
		.innerJoin('users', 'users.id', 'bookings.user_id')
		.selectAll('bookings')
		.select([
			startsAt,
			endsAt,
			'resources.slug as resource_slug',
			'resources.name_ko as resource_name_ko',
			'resources.name_en as resource_name_en',
			'resources.facility_id',
			'resources.location as resource_location',
			'resources.rules_ko as resource_rules_ko',
			'resources.rules_en as resource_rules_en',
			'facilities.name_ko as facility_name_ko',
			'facilities.name_en as facility_name_en',
			'facilities.org_id as facility_org_id',
			'facilities.time_zone',
			'organizations.name_ko as org_name_ko',
			'organizations.name_en as org_name_en',
			'users.name as user_name',
			'users.email as user_email'
		]);
}

export type BookingView = NonNullable<Awaited<ReturnType<typeof findBooking>>>;

export function findBooking(db: Executor, id: string) {
	return bookingQuery(db).where('bookings.id', '=', id).executeTakeFirst();
}

/** Locks the booking row so that two transitions of one booking run one after the other. */
export function lockBooking(db: Executor, id: string) {
	return db.selectFrom('bookings').select(['id', 'status']).where('id', '=', id).forUpdate().executeTakeFirst();
}

export type NewBookingValues = {
	resourceId: string;
	orgId: string;
	userId: string;
	start: Date;
	end: Date;
	status: BookingStatus;
	purpose: string;
	seriesId: string | null;
};

export function insertBooking(db: Executor, b: NewBookingValues) {
	return db
		.insertInto('bookings')
		.values({
			resource_id: b.resourceId,
			org_id: b.orgId,
			user_id: b.userId,
			during: range(b.start, b.end),
			status: b.status,
			purpose: b.purpose,
			series_id: b.seriesId
		})
		.returning('id')
		.executeTakeFirstOrThrow();
}

export type BookingChange = {
	status?: BookingStatus;
	start?: Date;
	end?: Date;
	decisionReason?: string | null;
	usageNotes?: string | null;
	checkedInAt?: Date;
	endedAt?: Date;
};

/** Applies a transition; SEQUENCE goes up so calendars replace their copy of the event. */
export function updateBooking(db: Executor, id: string, change: BookingChange) {
	return db
		.updateTable('bookings')
		.set((eb) => ({
			updated_at: new Date(),
			sequence: eb('sequence', '+', 1),
			...(change.status ? { status: change.status } : {}),
			...(change.start && change.end ? { during: range(change.start, change.end) } : {}),
			...(change.decisionReason !== undefined ? { decision_reason: change.decisionReason } : {}),
			...(change.usageNotes !== undefined ? { usage_notes: change.usageNotes } : {}),
			...(change.checkedInAt ? { checked_in_at: change.checkedInAt } : {}),
			...(change.endedAt ? { ended_at: change.endedAt } : {})
		}))
		.where('id', '=', id)
		.execute();
}

/** Serialises the bookings of one organisation (the quota check); NO KEY UPDATE leaves foreign keys alone. */
export function lockOrganizationForQuota(db: Executor, orgId: string) {
	return db.selectFrom('organizations').select('id').where('id', '=', orgId).forNoKeyUpdate().executeTakeFirst();
}

/** Minutes the organisation holds on the resource in bookings starting in [from, to), `exceptId` left out. */
export async function bookedMinutes(
	db: Executor,
	orgId: string,
	resourceId: string,
	from: Date,
	to: Date,
	exceptId: string | null
) {
	let query = db
		.selectFrom('bookings')
		.select(sql<number>`coalesce(sum(extract(epoch from upper(during) - lower(during))), 0) / 60`.as('minutes'))
		.where('org_id', '=', orgId)
		.where('resource_id', '=', resourceId)
		.where('status', 'in', ['pending', 'confirmed', 'completed', 'no_show'])
		.where(sql<boolean>`lower(during) >= ${from} and lower(during) < ${to}`);
	if (exceptId) query = query.where('id', '<>', exceptId);
	const row = await query.executeTakeFirstOrThrow();
	return Number(row.minutes);
}
