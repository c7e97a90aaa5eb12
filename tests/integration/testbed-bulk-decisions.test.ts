// The facility manager's queue decides several pending bookings at once (issue 21 item 10).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import type { DB } from '$lib/server/db';
import type { Database } from '$lib/server/db/connect';
import { createBooking } from '$lib/server/testbed/booking-create';
import { cancelBooking } from '$lib/server/testbed/booking-transitions';
import { decideBookings } from '$lib/server/testbed/booking-decisions';
import { bulkDecisionForm } from '$lib/server/testbed/schemas';
import { createTestDatabase } from './support/database';
import { NEXT_MONDAY, NOW, context, createBooker, createFacility, createResource, slot } from './testbed-support';

let database: Database;
let db: Kysely<DB>;

beforeAll(async () => {
	database = await createTestDatabase();
	db = database.db;
});
afterAll(() => database.close());

const statusOf = async (id: string) =>
	(await db.selectFrom('bookings').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;

describe('bulk booking decisions', () => {
	it('approves the ticked requests, reports one that changed meanwhile, and audits each', async () => {
		const { facility, staff } = await createFacility(db);
		const resource = await createResource(db, facility.id, { auto_confirm: false });
		const { actor } = await createBooker(db);
		const bookings = [];
		for (const hour of [10, 12, 14])
			bookings.push(await createBooking(db, actor, slot(resource.id, NEXT_MONDAY, hour), context, NOW));
		await cancelBooking(db, actor, bookings[2].id, null, context, NOW);
		const manager = { id: staff.id, isOperator: false };
		const outcome = await decideBookings(db, manager, { ids: bookings.map((x) => x.id), decision: 'approve' }, context);
		expect(outcome.decided).toEqual([bookings[0].id, bookings[1].id]);
		expect(outcome.refused).toEqual([{ id: bookings[2].id, code: 'invalid_state' }]);
		expect(await Promise.all(bookings.map((x) => statusOf(x.id)))).toEqual(['confirmed', 'confirmed', 'cancelled']);
		const audit = await db
			.selectFrom('audit_log')
			.select('entity_id')
			.where('action', '=', 'booking.approved')
			.where(
				'entity_id',
				'in',
				bookings.map((x) => x.id)
			)
			.execute();
		expect(audit).toHaveLength(2);
	});

	it('rejects with the reason, and decides nothing for someone who does not manage the facility', async () => {
		const { facility, staff } = await createFacility(db);
		const resource = await createResource(db, facility.id, { auto_confirm: false });
		const { actor } = await createBooker(db);
		const one = await createBooking(db, actor, slot(resource.id, NEXT_MONDAY, 10), context, NOW);
		const two = await createBooking(db, actor, slot(resource.id, NEXT_MONDAY, 12), context, NOW);
		const other = await createFacility(db);
		const stranger = { id: other.staff.id, isOperator: false };
		const refused = await decideBookings(db, stranger, { ids: [one.id, two.id], decision: 'approve' }, context);
		expect(refused.decided).toEqual([]);
		expect(refused.refused.map((r) => r.code)).toEqual(['not_found', 'not_found']);
		// The booker may not decide their own request either.
		expect((await decideBookings(db, actor, { ids: [one.id], decision: 'approve' }, context)).refused[0].code).toBe(
			'not_facility_manager'
		);
		expect(await statusOf(one.id)).toBe('pending');

		const manager = { id: staff.id, isOperator: false };
		const outcome = await decideBookings(
			db,
			manager,
			{ ids: [one.id, two.id, one.id], decision: 'reject', reason: 'Calibration week' },
			context
		);
		expect(outcome.decided).toEqual([one.id, two.id]);
		const rows = await db
			.selectFrom('bookings')
			.select(['status', 'decision_reason'])
			.where('id', 'in', [one.id, two.id])
			.execute();
		expect(rows).toEqual([
			{ status: 'rejected', decision_reason: 'Calibration week' },
			{ status: 'rejected', decision_reason: 'Calibration week' }
		]);
	});

	it('reads the form: ticked ids or the one row button, a reason to reject, nothing empty', () => {
		const id = '3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f';
		const other = '7d8e9f0a-1b2c-4d3e-8f5a-6b7c8d9e0f1a';
		expect(bulkDecisionForm('approve').parse({ ids: [id, other] })).toEqual({
			ids: [id, other],
			decision: 'approve',
			reason: undefined
		});
		expect(bulkDecisionForm('approve').parse({ ids: id, only: other })).toEqual({
			ids: [other],
			decision: 'approve',
			reason: undefined
		});
		expect(bulkDecisionForm('approve').safeParse({}).success).toBe(false);
		expect(bulkDecisionForm('reject').safeParse({ ids: id, reason: '  ' }).success).toBe(false);
		expect(bulkDecisionForm('reject').parse({ ids: id, reason: 'Closed' })).toEqual({
			ids: [id],
			decision: 'reject',
			reason: 'Closed'
		});
		expect(bulkDecisionForm('approve').safeParse({ ids: ['not-a-uuid'] }).success).toBe(false);
	});
});
