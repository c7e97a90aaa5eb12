// Availability alerts: holds offered in order and exactly once, honoured by booking, expiring to the
// next in line; alerts owned by their maker; blackouts told to the bookers they overlap.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import type { DB } from '$lib/server/db';
import type { Database } from '$lib/server/db/connect';
import { NotFoundError } from '$lib/server/errors';
import { OrgNotVerifiedError } from '$lib/server/orgs/errors';
import { createBooking } from '$lib/server/testbed/booking-create';
import { cancelBooking } from '$lib/server/testbed/booking-transitions';
import { addBlackout, removeBlackout } from '$lib/server/testbed/resource-admin';
import { cancelAlert, createAlert } from '$lib/server/testbed/availability-alerts';
import { offerAllFreedSlots } from '$lib/server/testbed/slot-holds';
import { SlotHeldError } from '$lib/server/testbed/slot-holds-errors';
import { createOrganization, createUser, addMember } from '../factories';
import { createTestDatabase } from './support/database';
import { NEXT_MONDAY, NOW, at, context, createBooker, createFacility, createResource, slot } from './testbed-support';

let database: Database;
let db: Kysely<DB>;

beforeAll(async () => {
	database = await createTestDatabase();
	db = database.db;
});
afterAll(() => database.close());

const MINUTE = 60_000;

/** A resource whose next Monday is booked solid (09–13, 13–17, 17–18) and two people waiting, A first. */
async function fullDayWithAlerts() {
	const { facility, staff } = await createFacility(db);
	const resource = await createResource(db, facility.id);
	const blocker = await createBooker(db);
	const bookings = [];
	for (const [hour, hours] of [
		[9, 4],
		[13, 4],
		[17, 1]
	])
		bookings.push(await createBooking(db, blocker.actor, slot(resource.id, NEXT_MONDAY, hour, hours), context, NOW));
	const range = { resourceId: resource.id, start: at(NEXT_MONDAY, 9), end: at(NEXT_MONDAY, 18) };
	const a = await createBooker(db);
	const b = await createBooker(db);
	const alertA = await createAlert(db, a.actor, range, context, NOW);
	const alertB = await createAlert(db, b.actor, range, context, new Date(NOW.getTime() + 1000));
	return { resource, staff, blocker, bookings, a, b, alertA, alertB };
}

const holdsOf = (resourceId: string) =>
	db.selectFrom('slot_holds').selectAll().where('resource_id', '=', resourceId).orderBy('created_at').execute();
const notices = (userId: string, kind: string) =>
	db.selectFrom('notifications').selectAll().where('user_id', '=', userId).where('kind', '=', kind).execute();

describe('availability alerts', () => {
	it('offers nothing while no slot fits', async () => {
		const { resource } = await fullDayWithAlerts();
		await offerAllFreedSlots(db, NOW, context);
		expect(await holdsOf(resource.id)).toHaveLength(0);
	});

	it('offers each freed slot exactly once under parallel cancellations and a job run twice', async () => {
		const { resource, blocker, bookings, a, b } = await fullDayWithAlerts();
		await Promise.all([
			cancelBooking(db, blocker.actor, bookings[0].id, null, context, NOW),
			cancelBooking(db, blocker.actor, bookings[1].id, null, context, NOW)
		]);
		// The cancellations queued the offer job; the runner may run it on two nodes at once.
		const queued = await db.selectFrom('jobs').select('payload').where('name', '=', 'testbed.slot_holds').execute();
		expect(queued.filter((j) => (j.payload as { resourceId?: string }).resourceId === resource.id)).toHaveLength(2);
		await Promise.all([offerAllFreedSlots(db, NOW, context), offerAllFreedSlots(db, NOW, context)]);
		await offerAllFreedSlots(db, NOW, context);
		const holds = await holdsOf(resource.id);
		expect(holds.map((h) => [h.user_id, h.status])).toEqual([
			[a.user.id, 'offered'],
			[b.user.id, 'offered']
		]);
		// A, who asked first, gets the first four hours; B the next four.
		expect(holds[0].during).toContain('"2026-03-09 00:00:00+00"');
		expect(await notices(a.user.id, 'avail_slot_held')).toHaveLength(1);
		expect(await notices(b.user.id, 'avail_slot_held')).toHaveLength(1);
		const [notice] = await notices(a.user.id, 'avail_slot_held');
		expect(notice.link).toBe(`/testbed/resources/${resource.slug}?date=${NEXT_MONDAY}&time=09:00&minutes=240#book`);
	});

	it('keeps a held slot from everyone but the holder, who books it', async () => {
		const { resource, blocker, bookings, a, b, alertA } = await fullDayWithAlerts();
		await cancelBooking(db, blocker.actor, bookings[1].id, null, context, NOW);
		await offerAllFreedSlots(db, NOW, context);
		const stranger = await createBooker(db);
		await expect(
			createBooking(db, stranger.actor, slot(resource.id, NEXT_MONDAY, 14, 1), context, NOW)
		).rejects.toBeInstanceOf(SlotHeldError);
		await expect(
			createBooking(db, b.actor, slot(resource.id, NEXT_MONDAY, 13, 2), context, NOW)
		).rejects.toBeInstanceOf(SlotHeldError);
		const booked = await createBooking(db, a.actor, slot(resource.id, NEXT_MONDAY, 13, 2), context, NOW);
		expect(booked.user_id).toBe(a.user.id);
		const [hold] = await holdsOf(resource.id);
		expect(hold.status).toBe('booked');
		const alert = await db
			.selectFrom('availability_alerts')
			.selectAll()
			.where('id', '=', alertA.id)
			.executeTakeFirstOrThrow();
		expect(alert.status).toBe('fulfilled');
	});

	it('moves an expired hold to the next in line, and not back', async () => {
		const { resource, blocker, bookings, a, b } = await fullDayWithAlerts();
		await cancelBooking(db, blocker.actor, bookings[1].id, null, context, NOW);
		await offerAllFreedSlots(db, NOW, context);
		const later = new Date(NOW.getTime() + 31 * MINUTE);
		await Promise.all([offerAllFreedSlots(db, later, context), offerAllFreedSlots(db, later, context)]);
		const holds = await holdsOf(resource.id);
		expect(holds.map((h) => [h.user_id, h.status])).toEqual([
			[a.user.id, 'expired'],
			[b.user.id, 'offered']
		]);
		// Once B's turn lapses too, nobody is left who has not had this slot: it stays free for all.
		await offerAllFreedSlots(db, new Date(later.getTime() + 31 * MINUTE), context);
		expect((await holdsOf(resource.id)).map((h) => h.status)).toEqual(['expired', 'expired']);
		const stranger = await createBooker(db);
		await createBooking(db, stranger.actor, slot(resource.id, NEXT_MONDAY, 13, 1), context, later);
	});

	it("refuses to cancel someone else's alert, and cancels one's own", async () => {
		const { alertA, b, a } = await fullDayWithAlerts();
		await expect(cancelAlert(db, b.actor, alertA.id, context, NOW)).rejects.toBeInstanceOf(NotFoundError);
		let row = await db
			.selectFrom('availability_alerts')
			.selectAll()
			.where('id', '=', alertA.id)
			.executeTakeFirstOrThrow();
		expect(row.status).toBe('active');
		await cancelAlert(db, a.actor, alertA.id, context, NOW);
		row = await db.selectFrom('availability_alerts').selectAll().where('id', '=', alertA.id).executeTakeFirstOrThrow();
		expect(row.status).toBe('cancelled');
		const audit = await db.selectFrom('audit_log').select('action').where('entity_id', '=', alertA.id).execute();
		expect(audit.map((r) => r.action).sort()).toEqual(['availability_alert.cancelled', 'availability_alert.created']);
	});

	it('refuses an alert from someone without a verified organisation', async () => {
		const { facility } = await createFacility(db);
		const resource = await createResource(db, facility.id);
		const org = await createOrganization(db, { status: 'pending' });
		const user = await createUser(db);
		await addMember(db, org.id, user.id, 'member');
		await expect(
			createAlert(
				db,
				{ id: user.id, isOperator: false },
				{ resourceId: resource.id, start: at(NEXT_MONDAY, 9), end: at(NEXT_MONDAY, 18) },
				context,
				NOW
			)
		).rejects.toBeInstanceOf(OrgNotVerifiedError);
	});

	it('gives a hold straight to the next in line when its alert is cancelled', async () => {
		const { resource, blocker, bookings, a, b, alertA } = await fullDayWithAlerts();
		await cancelBooking(db, blocker.actor, bookings[1].id, null, context, NOW);
		await offerAllFreedSlots(db, NOW, context);
		await cancelAlert(db, a.actor, alertA.id, context, NOW);
		const holds = await holdsOf(resource.id);
		expect(holds.map((h) => [h.user_id, h.status])).toEqual([
			[a.user.id, 'released'],
			[b.user.id, 'offered']
		]);
	});

	it('queues the offer job when a blackout is removed', async () => {
		const { resource, staff } = await fullDayWithAlerts();
		const manager = { id: staff.id, isOperator: false };
		const window = { start: at(NEXT_MONDAY, 12), end: at(NEXT_MONDAY, 13), reason_ko: '점검', reason_en: 'Check' };
		const { id } = await addBlackout(db, manager, resource.id, window, context);
		const before = await db.selectFrom('jobs').select('payload').where('name', '=', 'testbed.slot_holds').execute();
		await removeBlackout(db, manager, resource.id, id, context);
		const after = await db.selectFrom('jobs').select('payload').where('name', '=', 'testbed.slot_holds').execute();
		const forResource = (rows: typeof after) =>
			rows.filter((j) => (j.payload as { resourceId?: string }).resourceId === resource.id).length;
		expect(forResource(after)).toBe(forResource(before) + 1);
	});

	it('tells the bookers a new blackout overlaps, with a link to rebook', async () => {
		const { resource, staff, blocker, a } = await fullDayWithAlerts();
		await addBlackout(
			db,
			{ id: staff.id, isOperator: false },
			resource.id,
			{ start: at(NEXT_MONDAY, 12), end: at(NEXT_MONDAY, 14), reason_ko: '점검', reason_en: 'Maintenance' },
			context
		);
		const sent = await notices(blocker.user.id, 'avail_blackout_overlap');
		// Two of the blocker's bookings (09–13 and 13–17) lie under 12–14; the 17–18 one does not.
		expect(sent).toHaveLength(2);
		expect(sent[0].link).toBe(`/testbed/resources/${resource.slug}`);
		expect(await notices(a.user.id, 'avail_blackout_overlap')).toHaveLength(0);
	});
});
