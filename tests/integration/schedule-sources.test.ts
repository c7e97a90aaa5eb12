// The schedule: each source returns only the member's own items; a booking overlapping a course
// meeting is flagged on both, whichever kinds are shown; accepted meetings of the member's
// organisations appear, declined ones and other organisations' never do.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import type { DB } from '$lib/server/db';
import type { Database } from '$lib/server/db/connect';
import { listScheduleItems, readSchedule } from '$lib/server/schedule/service';
import { createBooking } from '$lib/server/testbed/booking-create';
import { addMember, createOrganization, createUser } from '../factories';
import { createTestDatabase } from './support/database';
import { at, createBooker, slot } from './testbed-support';
import { bookedMember, context, enrolledTrainee, HOUR, irSession, NOW, register } from './schedule-support';

let database: Database;
let db: Kysely<DB>;

beforeAll(async () => {
	database = await createTestDatabase();
	db = database.db;
});
afterAll(() => database.close());

const WEEK = { from: at('2026-03-09', 0), to: at('2026-03-16', 0) };

async function meetingBetween(
	requesterOrgId: string,
	recipientOrgId: string,
	startsAt: Date,
	status: 'accepted' | 'declined'
) {
	const request = await db
		.insertInto('meeting_requests')
		.values({
			requester_org_id: requesterOrgId,
			recipient_org_id: recipientOrgId,
			context_type: 'need_response',
			context_id: crypto.randomUUID()
		})
		.returningAll()
		.executeTakeFirstOrThrow();
	const slotRow = await db
		.insertInto('meeting_request_slots')
		.values({ request_id: request.id, starts_at: startsAt, ends_at: new Date(startsAt.getTime() + HOUR) })
		.returningAll()
		.executeTakeFirstOrThrow();
	if (status === 'accepted')
		await db
			.updateTable('meeting_requests')
			.set({ status, chosen_slot_id: slotRow.id, decided_at: NOW })
			.where('id', '=', request.id)
			.execute();
	else
		await db
			.updateTable('meeting_requests')
			.set({ status, decline_message: 'No' })
			.where('id', '=', request.id)
			.execute();
	return request;
}

describe('schedule', () => {
	it('merges the member’s bookings, classes, IR sessions and meetings, and flags overlaps', async () => {
		const { booker, booking, resource } = await bookedMember(db, '2026-03-10', 14);
		// A class 14:00–16:00 Seoul on the same day: it overlaps the booking (14:00–15:00).
		await enrolledTrainee(db, booker.user.id, at('2026-03-10', 14));
		const { event } = await irSession(db, at('2026-03-11', 10));
		await register(db, event.id, booker.user.id);
		const partner = await createOrganization(db);
		const meeting = await meetingBetween(booker.orgId, partner.id, at('2026-03-12', 11), 'accepted');
		await meetingBetween(booker.orgId, partner.id, at('2026-03-12', 15), 'declined');

		// Somebody else's things in the same places.
		const other = await createBooker(db);
		const othersBooking = await createBooking(db, other.actor, slot(resource.id, '2026-03-10', 16), context, NOW);
		const stranger = await createOrganization(db);
		const strangersMeeting = await meetingBetween(other.orgId, stranger.id, at('2026-03-12', 11), 'accepted');

		const entries = await readSchedule(db, booker.user.id, WEEK.from, WEEK.to, ['booking', 'course', 'ir', 'meeting']);
		expect(entries.map((e) => e.kind)).toEqual(['booking', 'course', 'ir', 'course', 'meeting']);
		const uids = entries.map((e) => e.uid);
		expect(uids).toContain(`booking-${booking.id}`);
		expect(uids).toContain(`ir-${event.id}`);
		expect(uids).toContain(`meeting-request-${meeting.id}`);
		expect(uids).not.toContain(`booking-${othersBooking.id}`);
		expect(uids).not.toContain(`meeting-request-${strangersMeeting.id}`);

		const bookingEntry = entries.find((e) => e.kind === 'booking')!;
		expect(bookingEntry.conflictsWith.map((c) => c.title_en)).toEqual([expect.stringContaining('Approval basics')]);
		expect(entries.find((e) => e.kind === 'ir')!.conflictsWith).toEqual([]);

		// Showing bookings only still says what the booking clashes with.
		const onlyBookings = await readSchedule(db, booker.user.id, WEEK.from, WEEK.to, ['booking']);
		expect(onlyBookings).toHaveLength(1);
		expect(onlyBookings[0].conflictsWith).toHaveLength(1);

		// The partner organisation's members see the meeting too, and only that.
		const partnerMember = await createUser(db);
		await addMember(db, partner.id, partnerMember.id, 'member');
		expect(
			(await listScheduleItems(db, partnerMember.id, { ...WEEK, includeCancelled: false })).map((i) => i.uid)
		).toEqual([`meeting-request-${meeting.id}`]);
	});

	it('leaves cancelled items out of the page but keeps them for feeds', async () => {
		const { booker } = await bookedMember(db, '2026-03-13', 10);
		const { event } = await irSession(db, at('2026-03-13', 15));
		await register(db, event.id, booker.user.id);
		await db
			.updateTable('ir_events')
			.set({ status: 'cancelled', cancel_reason: 'Postponed' })
			.where('id', '=', event.id)
			.execute();
		const page = await listScheduleItems(db, booker.user.id, { ...WEEK, includeCancelled: false });
		expect(page.map((i) => i.kind)).toEqual(['booking']);
		const feed = await listScheduleItems(db, booker.user.id, { ...WEEK, includeCancelled: true });
		expect(feed.find((i) => i.kind === 'ir')!.status).toBe('cancelled');
	});
});
