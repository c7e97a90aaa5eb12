// Queries of the monthly testbed report. A month is the facility's local calendar month; bookable
// time is the opening hours of its days minus blackouts, built as tstzmultiranges by PostgreSQL
// (so daylight-saving days and 24:00 closing times come out right).
import { sql } from 'kysely';
import type { Executor } from '../db';

/** Statuses that used (or will use) the resource: confirmed (checked in or not) and completed. */
const USED = sql.raw(`('confirmed', 'completed')`);

export type Month = { year: number; month: number };

/** The month as a range of instants in each facility's time zone. */
const periodOf = (m: Month) =>
	sql`tstzrange(make_date(${m.year}::int, ${m.month}::int, 1)::timestamp at time zone f.time_zone, (make_date(${m.year}::int, ${m.month}::int, 1) + interval '1 month') at time zone f.time_zone, '[)')`;

const hoursOf = (multirange: ReturnType<typeof sql>) =>
	sql<string>`(select coalesce(extract(epoch from sum(upper(x) - lower(x))), 0) / 3600 from unnest(${multirange}) x)`;

export type ResourceUsageRow = {
	resource_id: string;
	resource_slug: string;
	resource_name_ko: string;
	resource_name_en: string;
	facility_slug: string;
	facility_name_ko: string;
	facility_name_en: string;
	bookable_hours: string;
	booked_hours: string;
	bookings: string;
	no_shows: string;
	attendance_known: string;
};

/** Per resource of the facilities: bookable and booked hours (booked time counted only where bookable), bookings and no-shows starting in the month. */
export async function listResourceUsage(
	db: Executor,
	facilityIds: string[],
	month: Month
): Promise<ResourceUsageRow[]> {
	if (!facilityIds.length) return [];
	const empty = sql`'{}'::tstzmultirange`;
	const result = await sql<ResourceUsageRow>`
		with scope as (
			select r.id, r.slug, r.name_ko, r.name_en, f.slug as facility_slug, f.name_ko as facility_name_ko, f.name_en as facility_name_en,
				f.time_zone, ${periodOf(month)} as period
			from resources r join facilities f on f.id = r.facility_id
			where f.id in (${sql.join(facilityIds)})
		), bookable as (
			select s.id, (
				coalesce((
					select range_agg(tstzrange((d::date + h.opens) at time zone s.time_zone, (d::date + h.closes) at time zone s.time_zone, '[)'))
					from generate_series(make_date(${month.year}::int, ${month.month}::int, 1), make_date(${month.year}::int, ${month.month}::int, 1) + interval '1 month' - interval '1 day', interval '1 day') d
					join resource_hours h on h.resource_id = s.id and h.weekday = extract(dow from d)
				), ${empty})
				- coalesce((select range_agg(b.during) from resource_blackouts b where b.resource_id = s.id and b.during && s.period), ${empty})
			) * tstzmultirange(s.period) as time
			from scope s
		), used as (
			select s.id,
				coalesce(range_agg(b.during) filter (where b.status in ${USED}), ${empty}) as time,
				count(*) filter (where b.status in ${USED} and lower(b.during) >= lower(s.period)) as bookings,
				count(*) filter (where b.status = 'no_show' and lower(b.during) >= lower(s.period)) as no_shows,
				count(*) filter (where lower(b.during) >= lower(s.period) and (b.status in ('completed', 'no_show') or b.checked_in_at is not null)) as attendance_known
			from scope s left join bookings b on b.resource_id = s.id and b.during && s.period
			group by s.id
		)
		select s.id as resource_id, s.slug as resource_slug, s.name_ko as resource_name_ko, s.name_en as resource_name_en,
			s.facility_slug, s.facility_name_ko, s.facility_name_en,
			${hoursOf(sql`bookable.time`)} as bookable_hours,
			${hoursOf(sql`used.time * bookable.time`)} as booked_hours,
			used.bookings, used.no_shows, used.attendance_known
		from scope s join bookable on bookable.id = s.id join used on used.id = s.id
		order by s.facility_slug, s.name_en`.execute(db);
	return result.rows;
}

export type OrganizationUsageRow = {
	org_id: string;
	org_slug: string;
	org_name_ko: string;
	org_name_en: string;
	bookings: string;
	hours: string;
	no_shows: string;
};

/** Per organisation: bookings starting in the month on the facilities' resources, their hours, and no-shows. */
export async function listOrganizationUsage(
	db: Executor,
	facilityIds: string[],
	month: Month
): Promise<OrganizationUsageRow[]> {
	if (!facilityIds.length) return [];
	const result = await sql<OrganizationUsageRow>`
		select o.id as org_id, o.slug as org_slug, o.name_ko as org_name_ko, o.name_en as org_name_en,
			count(*) filter (where b.status in ${USED}) as bookings,
			coalesce(sum(extract(epoch from upper(b.during) - lower(b.during))) filter (where b.status in ${USED}), 0) / 3600 as hours,
			count(*) filter (where b.status = 'no_show') as no_shows
		from bookings b
		join resources r on r.id = b.resource_id
		join facilities f on f.id = r.facility_id
		join organizations o on o.id = b.org_id
		where f.id in (${sql.join(facilityIds)})
			and b.status in ('confirmed', 'completed', 'no_show')
			and lower(b.during) <@ ${periodOf(month)}
		group by o.id
		order by hours desc, o.name_en`.execute(db);
	return result.rows;
}

export function listFacilities(db: Executor, ids: string[]) {
	if (!ids.length) return Promise.resolve([]);
	return db
		.selectFrom('facilities')
		.select(['id', 'slug', 'name_ko', 'name_en', 'time_zone'])
		.where('id', 'in', ids)
		.orderBy('slug')
		.execute();
}
