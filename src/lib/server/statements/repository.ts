// Queries of monthly statements: the billable bookings of an organisation (or of a facility) and the
// course fees of an organisation in a month, each with what vouchers paid for it (spends − refunds).
import { sql } from 'kysely';
import type { Executor } from '../db';
import type { OrgStatus } from '../db/types';
import { DEFAULT_TIME_ZONE } from '$lib/time-zone';

export type Month = { year: number; month: number };
export type Scope = { orgId: string } | { facilityId: string };

/** Statuses that hold or used the time and so are charged; cancelled, rejected and expired ones are not. */
export const BILLABLE_BOOKING_STATUSES = ['pending', 'confirmed', 'completed', 'no_show'] as const;
/** Enrolments that hold a seat. */
export const BILLABLE_ENROLMENT_STATUSES = ['enrolled', 'completed'] as const;

const monthStart = (m: Month, tz: ReturnType<typeof sql>) =>
	sql`(make_date(${m.year}::int, ${m.month}::int, 1)::timestamp at time zone ${tz})`;
const monthEnd = (m: Month, tz: ReturnType<typeof sql>) =>
	sql`((make_date(${m.year}::int, ${m.month}::int, 1) + interval '1 month') at time zone ${tz})`;
const voucherPaid = (column: 'booking_id' | 'enrolment_id', ref: string) =>
	sql<number>`coalesce((select sum(case when l.kind = 'spend' then l.amount_krw else -l.amount_krw end) from voucher_ledger l where ${sql.ref(`l.${column}`)} = ${sql.ref(ref)}), 0)::int`;

export type BookingLine = {
	id: string;
	org_slug: string;
	org_name_ko: string;
	org_name_en: string;
	org_status: OrgStatus;
	facility_slug: string;
	facility_name_ko: string;
	facility_name_en: string;
	resource_name_ko: string;
	resource_name_en: string;
	member_rate_krw: number;
	nonmember_rate_krw: number;
	status: string;
	starts_at: Date;
	ends_at: Date;
	voucher_paid_krw: number;
};

/** Bookings starting in the month of each facility's own time zone. */
export function listBillableBookings(db: Executor, scope: Scope, month: Month) {
	const tz = sql.ref('f.time_zone');
	let query = db
		.selectFrom('bookings as b')
		.innerJoin('resources as r', 'r.id', 'b.resource_id')
		.innerJoin('facilities as f', 'f.id', 'r.facility_id')
		.innerJoin('organizations as o', 'o.id', 'b.org_id')
		.select([
			'b.id',
			'o.slug as org_slug',
			'o.name_ko as org_name_ko',
			'o.name_en as org_name_en',
			'o.status as org_status',
			'f.slug as facility_slug',
			'f.name_ko as facility_name_ko',
			'f.name_en as facility_name_en',
			'r.name_ko as resource_name_ko',
			'r.name_en as resource_name_en',
			'r.member_rate_krw',
			'r.nonmember_rate_krw',
			'b.status',
			sql<Date>`lower(b.during)`.as('starts_at'),
			sql<Date>`upper(b.during)`.as('ends_at'),
			voucherPaid('booking_id', 'b.id').as('voucher_paid_krw')
		])
		.where('b.status', 'in', [...BILLABLE_BOOKING_STATUSES])
		.where(sql<boolean>`lower(b.during) >= ${monthStart(month, tz)} and lower(b.during) < ${monthEnd(month, tz)}`);
	query = 'orgId' in scope ? query.where('b.org_id', '=', scope.orgId) : query.where('f.id', '=', scope.facilityId);
	return query
		.orderBy(sql`lower(b.during)`)
		.orderBy('b.id')
		.execute() as Promise<BookingLine[]>;
}

/** Seats of paid cohorts taken in the month (Seoul time), with the fee and what vouchers paid. */
export function listCourseFees(db: Executor, orgId: string, month: Month) {
	const tz = sql.lit(DEFAULT_TIME_ZONE);
	return db
		.selectFrom('enrolments as e')
		.innerJoin('cohorts as c', 'c.id', 'e.cohort_id')
		.innerJoin('courses as co', 'co.id', 'c.course_id')
		.innerJoin('users as u', 'u.id', 'e.user_id')
		.select([
			'e.id',
			'co.title_ko',
			'co.title_en',
			'c.label_ko',
			'c.label_en',
			'u.name as trainee',
			'c.fee_krw',
			'e.enrolled_at',
			voucherPaid('enrolment_id', 'e.id').as('voucher_paid_krw')
		])
		.where('e.org_id', '=', orgId)
		.where('e.status', 'in', [...BILLABLE_ENROLMENT_STATUSES])
		.where('c.fee_krw', '>', 0)
		.where(sql<boolean>`e.enrolled_at >= ${monthStart(month, tz)} and e.enrolled_at < ${monthEnd(month, tz)}`)
		.orderBy('e.enrolled_at')
		.orderBy('e.id')
		.execute();
}

/** Statuses in which an approved quote is owed (approved and every step after it). A request cancelled after
 *  approval (status 'cancelled', testservices/cancel.ts) is not owed and leaves the statement. */
export const BILLABLE_TEST_STATUSES = ['approved', 'received', 'in_progress', 'delivered'] as const;

/** Testing services whose quote the organisation approved in the month (Seoul time): the quote's total, VAT included. */
export function listTestServiceCharges(db: Executor, orgId: string, month: Month) {
	const tz = sql.lit(DEFAULT_TIME_ZONE);
	return db
		.selectFrom('test_requests as t')
		.innerJoin('facilities as f', 'f.id', 't.facility_id')
		.select(['t.id', 't.standard', 't.standard_other', 't.decided_at', 't.total_krw'])
		.select(['f.name_ko as facility_name_ko', 'f.name_en as facility_name_en'])
		.where('t.org_id', '=', orgId)
		.where('t.status', 'in', [...BILLABLE_TEST_STATUSES])
		.where(sql<boolean>`t.decided_at >= ${monthStart(month, tz)} and t.decided_at < ${monthEnd(month, tz)}`)
		.orderBy('t.decided_at')
		.orderBy('t.id')
		.execute();
}
