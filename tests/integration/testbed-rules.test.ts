// Booking rules, permissions, credentials, the no-show job and the audit/notification trail.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import type { DB } from '$lib/server/db';
import type { Database } from '$lib/server/db/connect';
import { NotFoundError } from '$lib/server/errors';
import { OrgNotVerifiedError } from '$lib/server/orgs/errors';
import { createBooking, createWeeklyBookings } from '$lib/server/testbed/booking-create';
import {
	approveBooking,
	cancelBooking,
	checkInBooking,
	rejectBooking,
	rescheduleBooking
} from '$lib/server/testbed/booking-transitions';
import { BookingRuleError, CredentialRequiredError, NotFacilityManagerError } from '$lib/server/testbed/errors';
import { markNoShows } from '$lib/server/testbed/jobs';
import { getAvailability } from '$lib/server/testbed/availability';
import { range } from '$lib/server/testbed/repository';
import { addDays } from '$lib/server/common/zoned-time';
import { createTestDatabase } from './support/database';
import { addMember, createOrganization, createUser } from '../factories';
import {
	NEXT_MONDAY,
	NOW,
	TZ,
	at,
	context,
	createBooker,
	createFacility,
	createResource,
	slot
} from './testbed-support';

let database: Database;
let db: Kysely<DB>;

beforeAll(async () => {
	database = await createTestDatabase();
	db = database.db;
});
afterAll(() => database.close());

async function refusal(promise: Promise<unknown>) {
	return promise.then(
		() => null,
		(error) => error
	);
}

describe('testbed rules', () => {
	it('refuses times the resource does not allow, each with its own code', async () => {
		const { facility } = await createFacility(db);
		const resource = await createResource(db, facility.id, { min_minutes: 60, max_minutes: 180, max_horizon_days: 14 });
		const start = at(NEXT_MONDAY, 10);
		await db
			.insertInto('resource_blackouts')
			.values({
				resource_id: resource.id,
				during: range(at(NEXT_MONDAY, 15), at(NEXT_MONDAY, 17)),
				reason_en: 'Calibration'
			})
			.execute();
		const { actor } = await createBooker(db);
		const cases: [string, { start: Date; end: Date }][] = [
			['booking_outside_hours', { start: at(NEXT_MONDAY, 17), end: at(NEXT_MONDAY, 19) }],
			['booking_outside_hours', { start: at(addDays(NEXT_MONDAY, 5), 10), end: at(addDays(NEXT_MONDAY, 5), 12) }],
			['booking_in_blackout', { start: at(NEXT_MONDAY, 14), end: at(NEXT_MONDAY, 16) }],
			['booking_too_short', { start, end: at(NEXT_MONDAY, 10, 30) }],
			['booking_too_long', { start, end: at(NEXT_MONDAY, 14) }],
			['booking_too_soon', { start: at('2026-03-02', 9, 30), end: at('2026-03-02', 10, 30) }],
			['booking_too_far', { start: at(addDays(NEXT_MONDAY, 21), 10), end: at(addDays(NEXT_MONDAY, 21), 11) }],
			['booking_invalid_time', { start: at(NEXT_MONDAY, 10, 10), end: at(NEXT_MONDAY, 11, 10) }],
			['booking_invalid_time', { start, end: start }]
		];
		for (const [code, times] of cases) {
			const error = await refusal(
				createBooking(db, actor, { resourceId: resource.id, purpose: '', ...times }, context, NOW)
			);
			expect(error, code).toBeInstanceOf(BookingRuleError);
			expect({ code: error.code, status: error.status }).toEqual({ code, status: 422 });
		}
		expect(await db.selectFrom('bookings').select('id').where('resource_id', '=', resource.id).execute()).toEqual([]);
	});

	it('demands a verified organisation and the required credential', async () => {
		const { facility } = await createFacility(db);
		const credential = await db
			.insertInto('credentials')
			.values({ slug: `c-${Date.now()}`, name_ko: '3D 프린터 안전', name_en: '3D printer safety', validity_months: 24 })
			.returningAll()
			.executeTakeFirstOrThrow();
		const resource = await createResource(db, facility.id, { required_credential_id: credential.id });
		const pendingOrg = await createOrganization(db, { status: 'pending' });
		const outsider = await createUser(db);
		await addMember(db, pendingOrg.id, outsider.id, 'owner');
		expect(
			await refusal(
				createBooking(db, { id: outsider.id, isOperator: false }, slot(resource.id, NEXT_MONDAY, 10), context, NOW)
			)
		).toBeInstanceOf(OrgNotVerifiedError);
		const { actor, user } = await createBooker(db);
		const error = await refusal(createBooking(db, actor, slot(resource.id, NEXT_MONDAY, 10), context, NOW));
		expect(error).toBeInstanceOf(CredentialRequiredError);
		expect(error.params).toMatchObject({ credential: '3D 프린터 안전', credential_en: '3D printer safety' });
		await db
			.insertInto('user_credentials')
			.values({ user_id: user.id, credential_id: credential.id, source: 'test' })
			.execute();
		await expect(createBooking(db, actor, slot(resource.id, NEXT_MONDAY, 10), context, NOW)).resolves.toMatchObject({
			status: 'confirmed'
		});
	});

	it('lets only managers approve, writes the audit log and notifies requester and managers', async () => {
		const { facility, admin, staff } = await createFacility(db);
		const resource = await createResource(db, facility.id, { auto_confirm: false });
		const { actor, user } = await createBooker(db);
		const booking = await createBooking(db, actor, slot(resource.id, NEXT_MONDAY, 10), context, NOW);
		expect(booking.status).toBe('pending');
		expect(await refusal(approveBooking(db, actor, booking.id, context))).toBeInstanceOf(NotFacilityManagerError);
		const stranger = await createBooker(db);
		expect(await refusal(approveBooking(db, stranger.actor, booking.id, context))).toBeInstanceOf(NotFoundError);
		await expect(approveBooking(db, { id: staff.id, isOperator: false }, booking.id, context)).resolves.toMatchObject({
			status: 'confirmed',
			sequence: 1
		});
		const audit = await db
			.selectFrom('audit_log')
			.select('action')
			.where('entity_id', '=', booking.id)
			.orderBy('id')
			.execute();
		expect(audit.map((a) => a.action)).toEqual(['booking.created', 'booking.approved']);
		const notified = await db
			.selectFrom('notifications')
			.select(['user_id', 'kind'])
			.where('link', '=', `/testbed/bookings/${booking.id}`)
			.execute();
		for (const id of [user.id, admin.id, staff.id])
			expect(
				notified
					.filter((n) => n.user_id === id)
					.map((n) => n.kind)
					.sort()
			).toEqual(['testbed_booking_confirmed', 'testbed_booking_requested']);
		const mail = await db.selectFrom('email_outbox').select('body_text').where('to_address', '=', user.email).execute();
		expect(mail.some((m) => m.body_text.includes(`${context.origin}/testbed/bookings/${booking.id}/booking.ics`))).toBe(
			true
		);
		const second = await createBooking(db, actor, slot(resource.id, NEXT_MONDAY, 12), context, NOW);
		await expect(
			rejectBooking(db, { id: admin.id, isOperator: false }, second.id, 'Maintenance', context)
		).resolves.toMatchObject({ status: 'rejected', decision_reason: 'Maintenance' });
	});

	it('keeps organisation B out of organisation A’s bookings', async () => {
		const { facility } = await createFacility(db);
		const resource = await createResource(db, facility.id);
		const a = await createBooker(db);
		const b = await createBooker(db);
		const booking = await createBooking(db, a.actor, slot(resource.id, NEXT_MONDAY, 10), context, NOW);
		expect(await refusal(cancelBooking(db, b.actor, booking.id, null, context, NOW))).toBeInstanceOf(NotFoundError);
		expect(
			await refusal(
				rescheduleBooking(
					db,
					b.actor,
					booking.id,
					{ start: at(NEXT_MONDAY, 13), end: at(NEXT_MONDAY, 14) },
					context,
					NOW
				)
			)
		).toBeInstanceOf(NotFoundError);
		const colleagueAdmin = await createUser(db);
		await addMember(db, a.orgId, colleagueAdmin.id, 'admin');
		await expect(
			cancelBooking(db, { id: colleagueAdmin.id, isOperator: false }, booking.id, null, context, NOW)
		).resolves.toMatchObject({ status: 'cancelled' });
	});

	it('marks missed bookings as no-shows once, freeing the rest of the slot', async () => {
		const { facility } = await createFacility(db);
		const resource = await createResource(db, facility.id, { checkin_after_minutes: 15 });
		const { actor } = await createBooker(db);
		const missed = await createBooking(db, actor, slot(resource.id, NEXT_MONDAY, 10, 3), context, NOW);
		const attended = await createBooking(db, actor, slot(resource.id, NEXT_MONDAY, 14), context, NOW);
		await checkInBooking(db, actor, attended.id, context, at(NEXT_MONDAY, 13, 50));
		const later = at(NEXT_MONDAY, 14, 20);
		const first = await markNoShows(db, later);
		// The job is global: other tests' past bookings in this database may be closed too.
		expect(first.noShows).toContain(missed.id);
		expect(first.noShows).not.toContain(attended.id);
		const afterFirst = await db.selectFrom('bookings').selectAll().orderBy('id').execute();
		const second = await markNoShows(db, later);
		expect(second).toEqual({ noShows: [], expired: [] });
		expect(await db.selectFrom('bookings').selectAll().orderBy('id').execute()).toEqual(afterFirst);
		const [free] = await getAvailability(
			db,
			[{ ...resource, time_zone: TZ }],
			at(NEXT_MONDAY, 9),
			at(NEXT_MONDAY, 18),
			NOW
		);
		expect(free.free.some((f) => f.start <= at(NEXT_MONDAY, 11) && f.end >= at(NEXT_MONDAY, 13))).toBe(true);
	});

	it('books a weekly series and names the dates it skipped', async () => {
		const { facility } = await createFacility(db);
		const resource = await createResource(db, facility.id);
		const { actor } = await createBooker(db);
		const other = await createBooker(db);
		await createBooking(db, other.actor, slot(resource.id, addDays(NEXT_MONDAY, 14), 10), context, NOW);
		const result = await createWeeklyBookings(
			db,
			actor,
			{ ...slot(resource.id, NEXT_MONDAY, 10), weeks: 4, timeZone: TZ },
			context,
			NOW
		);
		expect(result.created).toHaveLength(3);
		expect(result.skipped.map((s) => [s.start.getTime(), s.code])).toEqual([
			[at(addDays(NEXT_MONDAY, 14), 10).getTime(), 'booking_conflict']
		]);
		expect(new Set(result.created.map((b) => b.series_id)).size).toBe(1);
	});
});
