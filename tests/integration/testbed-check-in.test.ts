// Check-in by the booker or a colleague (what the QR code leads to), and managers marking no-shows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import type { DB } from '$lib/server/db';
import type { Database } from '$lib/server/db/connect';
import { InvalidStateError, NotFoundError } from '$lib/server/errors';
import { getAvailability } from '$lib/server/testbed/availability';
import { createBooking } from '$lib/server/testbed/booking-create';
import { checkInBooking, markNoShow } from '$lib/server/testbed/booking-transitions';
import { CheckInClosedError, NotFacilityManagerError } from '$lib/server/testbed/errors';
import { addMember, createUser } from '../factories';
import { createTestDatabase } from './support/database';
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

const refusal = (promise: Promise<unknown>) =>
	promise.then(
		() => null,
		(error) => error
	);

describe('check-in', () => {
	it('opens to the booker and their colleagues within the window only', async () => {
		const { facility } = await createFacility(db);
		const resource = await createResource(db, facility.id, { checkin_before_minutes: 15, checkin_after_minutes: 30 });
		const booker = await createBooker(db);
		const colleague = await createUser(db);
		await addMember(db, booker.orgId, colleague.id, 'member');
		const stranger = await createBooker(db);
		const booking = await createBooking(db, booker.actor, slot(resource.id, NEXT_MONDAY, 10), context, NOW);
		const colleagueActor = { id: colleague.id, isOperator: false };
		expect(await refusal(checkInBooking(db, stranger.actor, booking.id, context, at(NEXT_MONDAY, 10)))).toBeInstanceOf(
			NotFoundError
		);
		expect(
			await refusal(checkInBooking(db, colleagueActor, booking.id, context, at(NEXT_MONDAY, 9, 44)))
		).toBeInstanceOf(CheckInClosedError);
		expect(
			await refusal(checkInBooking(db, colleagueActor, booking.id, context, at(NEXT_MONDAY, 10, 31)))
		).toBeInstanceOf(CheckInClosedError);
		await expect(
			checkInBooking(db, colleagueActor, booking.id, context, at(NEXT_MONDAY, 9, 45))
		).resolves.toMatchObject({ status: 'confirmed', checked_in_at: at(NEXT_MONDAY, 9, 45) });
		expect(await refusal(checkInBooking(db, booker.actor, booking.id, context, at(NEXT_MONDAY, 9, 50)))).toBeInstanceOf(
			InvalidStateError
		);
		const audit = await db
			.selectFrom('audit_log')
			.select(['action', 'actor_id'])
			.where('entity_id', '=', booking.id)
			.orderBy('id')
			.execute();
		expect(audit).toEqual([
			{ action: 'booking.created', actor_id: booker.user.id },
			{ action: 'booking.checked_in', actor_id: colleague.id }
		]);
	});
});

describe('manual no-show', () => {
	it('lets only managers mark a started booking, once, notifying the booker and freeing the slot', async () => {
		const { facility, staff } = await createFacility(db);
		const resource = await createResource(db, facility.id);
		const booker = await createBooker(db);
		const manager = { id: staff.id, isOperator: false };
		const booking = await createBooking(db, booker.actor, slot(resource.id, NEXT_MONDAY, 10, 3), context, NOW);
		expect(await refusal(markNoShow(db, booker.actor, booking.id, context, at(NEXT_MONDAY, 10, 45)))).toBeInstanceOf(
			NotFacilityManagerError
		);
		expect(await refusal(markNoShow(db, manager, booking.id, context, at(NEXT_MONDAY, 9, 55)))).toBeInstanceOf(
			InvalidStateError
		);
		const marked = await markNoShow(db, manager, booking.id, context, at(NEXT_MONDAY, 10, 45));
		expect(marked).toMatchObject({ status: 'no_show', ended_at: at(NEXT_MONDAY, 10, 45), sequence: 1 });
		const again = await markNoShow(db, manager, booking.id, context, at(NEXT_MONDAY, 11));
		expect(again).toMatchObject({ status: 'no_show', sequence: 1 });
		const audit = await db
			.selectFrom('audit_log')
			.select(['action', 'data'])
			.where('entity_id', '=', booking.id)
			.orderBy('id')
			.execute();
		expect(audit.map((a) => a.action)).toEqual(['booking.created', 'booking.no_show']);
		expect(audit[1].data).toMatchObject({ manual: true, status: 'no_show' });
		const notes = await db
			.selectFrom('notifications')
			.select('kind')
			.where('user_id', '=', booker.user.id)
			.where('link', '=', `/testbed/bookings/${booking.id}`)
			.execute();
		expect(notes.map((n) => n.kind).filter((k) => k === 'testbed_booking_no_show')).toHaveLength(1);
		const [free] = await getAvailability(
			db,
			[{ ...resource, time_zone: TZ }],
			at(NEXT_MONDAY, 9),
			at(NEXT_MONDAY, 18),
			NOW
		);
		expect(free.free).toEqual([{ start: at(NEXT_MONDAY, 9), end: at(NEXT_MONDAY, 18) }]);
	});

	it('refuses a booking somebody checked in to', async () => {
		const { facility, staff } = await createFacility(db);
		const resource = await createResource(db, facility.id);
		const booker = await createBooker(db);
		const booking = await createBooking(db, booker.actor, slot(resource.id, NEXT_MONDAY, 10), context, NOW);
		await checkInBooking(db, booker.actor, booking.id, context, at(NEXT_MONDAY, 10));
		expect(
			await refusal(markNoShow(db, { id: staff.id, isOperator: false }, booking.id, context, at(NEXT_MONDAY, 10, 30)))
		).toBeInstanceOf(InvalidStateError);
	});
});
