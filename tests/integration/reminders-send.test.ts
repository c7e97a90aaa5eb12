// Reminders: the right people at 24 h / 1 h / 10 min, nothing for cancelled items, new reminders after
// a reschedule, each recorded in the transaction that notifies, so a crash never sends twice; and the
// notification settings choose the channels.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, type Kysely } from 'kysely';
import type { DB } from '$lib/server/db';
import type { Database } from '$lib/server/db/connect';
import { savePreferences } from '$lib/server/notify/repository';
import { dueOffset, sendDueReminders } from '$lib/server/reminders/service';
import { reminderJobs } from '$lib/server/reminders/jobs';
import { createJobRunner, recurringKey, scheduleRecurring } from '$lib/server/jobs/runner';
import { findJobByKey } from '$lib/server/jobs/repository';
import { backoffMs } from '$lib/server/jobs/schedule';
import { cancelBooking, rescheduleBooking } from '$lib/server/testbed/booking-transitions';
import { cancelEnrolment } from '$lib/server/courses/service';
import { createUser } from '../factories';
import { createTestDatabase } from './support/database';
import { at } from './testbed-support';
import { createTrainee } from './courses-support';
import {
	bookedMember,
	context,
	enrolledTrainee,
	HOUR,
	irSession,
	MINUTE,
	NOW,
	received,
	register
} from './schedule-support';

let database: Database;
let db: Kysely<DB>;

beforeAll(async () => {
	database = await createTestDatabase();
	db = database.db;
});
afterAll(() => database.close());

const ORIGIN = context.origin;
const send = (now: Date) => sendDueReminders(db, now, ORIGIN);
const reminderEmails = async (userId: string) =>
	(await received(db, userId)).emails.filter((e) => e.subject.startsWith('Reminder'));

describe('reminder timing', () => {
	it('picks the shortest window the start has entered', () => {
		const start = new Date('2026-03-10T00:00:00Z');
		const before = (ms: number) => new Date(start.getTime() - ms);
		expect(dueOffset('booking', start, before(25 * HOUR))).toBeNull();
		expect(dueOffset('booking', start, before(24 * HOUR))).toBe(1440);
		expect(dueOffset('booking', start, before(61 * MINUTE))).toBe(1440);
		expect(dueOffset('booking', start, before(30 * MINUTE))).toBe(60);
		expect(dueOffset('ir', start, before(9 * MINUTE))).toBe(10);
		expect(dueOffset('course', start, before(30 * MINUTE))).toBe(1440);
		expect(dueOffset('booking', start, start)).toBeNull();
	});
});

describe('booking reminders', () => {
	it('reminds the booker 24 h and 1 h before, once each, and nobody else', async () => {
		const { booking, booker, lab } = await bookedMember(db, '2026-03-09', 10);
		expect(booking.status).toBe('confirmed');
		const start = at('2026-03-09', 10);
		await send(new Date(start.getTime() - 25 * HOUR));
		expect((await received(db, booker.user.id, 'schedule_reminder_booking')).notifications).toHaveLength(0);

		await send(new Date(start.getTime() - 23 * HOUR));
		await send(new Date(start.getTime() - 22 * HOUR));
		const day = await received(db, booker.user.id, 'schedule_reminder_booking');
		expect(day.notifications).toHaveLength(1);
		expect(day.notifications[0].link).toBe(`/testbed/bookings/${booking.id}`);
		expect(day.notifications[0].params.lead_en).toBe('24 h');
		expect(await reminderEmails(booker.user.id)).toHaveLength(1);
		expect((await reminderEmails(booker.user.id))[0].subject).toBe(
			'Reminder: ECG simulator, precision; unit 2 in 24 h'
		);

		await send(new Date(start.getTime() - 50 * MINUTE));
		await send(new Date(start.getTime() - 40 * MINUTE));
		const hour = await received(db, booker.user.id, 'schedule_reminder_booking');
		expect(hour.notifications.map((n) => n.params.lead_en).sort()).toEqual(['1 h', '24 h']);
		expect(await reminderEmails(booker.user.id)).toHaveLength(2);
		// The facility's managers are not reminded of somebody else's booking.
		expect((await received(db, lab.staff.id, 'schedule_reminder_booking')).notifications).toHaveLength(0);
	});

	it('sends nothing for a cancelled booking and new reminders after a reschedule', async () => {
		const cancelled = await bookedMember(db, '2026-03-10', 10);
		await cancelBooking(db, cancelled.booker.actor, cancelled.booking.id, null, context, NOW);
		await send(new Date(at('2026-03-10', 10).getTime() - 2 * HOUR));
		expect((await received(db, cancelled.booker.user.id, 'schedule_reminder_booking')).notifications).toHaveLength(0);

		const moved = await bookedMember(db, '2026-03-11', 10);
		await send(new Date(at('2026-03-11', 10).getTime() - 20 * HOUR));
		expect((await received(db, moved.booker.user.id, 'schedule_reminder_booking')).notifications).toHaveLength(1);
		const later = await rescheduleBooking(
			db,
			moved.booker.actor,
			moved.booking.id,
			{ start: at('2026-03-11', 14), end: at('2026-03-11', 15) },
			context,
			NOW
		);
		expect(later.sequence).toBeGreaterThan(moved.booking.sequence);
		await send(new Date(at('2026-03-11', 10).getTime() - 19 * HOUR));
		const after = await received(db, moved.booker.user.id, 'schedule_reminder_booking');
		expect(after.notifications).toHaveLength(2);
		expect(after.notifications.some((n) => String(n.params.when_en).includes('14:00'))).toBe(true);
	});
});

describe('course and IR reminders', () => {
	it('reminds enrolled trainees 24 h before each meeting, not those who left', async () => {
		const trainee = (await createTrainee(db)).user;
		const leaver = (await createTrainee(db)).user;
		const start = new Date(NOW.getTime() + 3 * 24 * HOUR);
		const { cohort } = await enrolledTrainee(db, trainee.id, start);
		const { result } = await enrolledTrainee(db, leaver.id, start);
		await cancelEnrolment(db, { id: leaver.id, isOperator: false }, result.id, context, NOW);
		await send(new Date(start.getTime() - 23 * HOUR));
		await send(new Date(start.getTime() - 1 * HOUR));
		const got = await received(db, trainee.id, 'schedule_reminder_course');
		expect(got.notifications).toHaveLength(1);
		expect(got.notifications[0].params.title_en).toContain('Approval basics');
		expect((await received(db, leaver.id, 'schedule_reminder_course')).notifications).toHaveLength(0);
		// The cohort's second meeting, a day later, gets its own reminder.
		await send(new Date(start.getTime() + 2 * HOUR));
		expect((await received(db, trainee.id, 'schedule_reminder_course')).notifications).toHaveLength(2);
		expect(cohort.id).toBeTruthy();
	});

	it('reminds registrants, presenters and the moderator 24 h and 10 min before; nothing once cancelled', async () => {
		const start = new Date(NOW.getTime() + 5 * 24 * HOUR);
		const { event, moderator, presenter } = await irSession(db, start);
		const [investor, withdrawn, stranger] = [await createUser(db), await createUser(db), await createUser(db)];
		await register(db, event.id, investor.id);
		await register(db, event.id, withdrawn.id);
		await db.updateTable('ir_registrations').set({ cancelled_at: NOW }).where('user_id', '=', withdrawn.id).execute();

		await send(new Date(start.getTime() - 20 * HOUR));
		await send(new Date(start.getTime() - 5 * MINUTE));
		for (const person of [investor, moderator, presenter]) {
			expect(
				(await received(db, person.id, 'schedule_reminder_ir')).notifications.map((n) => n.params.lead_en).sort()
			).toEqual(['10 min', '24 h']);
		}
		for (const person of [withdrawn, stranger])
			expect((await received(db, person.id, 'schedule_reminder_ir')).notifications).toHaveLength(0);

		const off = await irSession(db, start);
		await register(db, off.event.id, investor.id);
		await db
			.updateTable('ir_events')
			.set({ status: 'cancelled', cancel_reason: 'Postponed', sequence: sql`sequence + 1` })
			.where('id', '=', off.event.id)
			.execute();
		await send(new Date(start.getTime() - 5 * MINUTE));
		expect((await received(db, off.moderator.id, 'schedule_reminder_ir')).notifications).toHaveLength(0);
	});

	it('sends new reminders for a rescheduled session (higher sequence)', async () => {
		const start = new Date(NOW.getTime() + 8 * 24 * HOUR);
		const { event, moderator } = await irSession(db, start);
		await send(new Date(start.getTime() - 20 * HOUR));
		const moved = new Date(start.getTime() + 2 * HOUR);
		await db
			.updateTable('ir_events')
			.set({ starts_at: moved, sequence: sql`sequence + 1` })
			.where('id', '=', event.id)
			.execute();
		await send(new Date(start.getTime() - 19 * HOUR));
		await send(new Date(start.getTime() - 18 * HOUR));
		expect((await received(db, moderator.id, 'schedule_reminder_ir')).notifications).toHaveLength(2);
	});
});

describe('crash safety', () => {
	it('a run killed after the notification insert leaves nothing, and the re-run sends exactly once', async () => {
		const { booker } = await bookedMember(db, '2026-03-12', 10);
		const start = at('2026-03-12', 10);
		// The worker "dies" inside the transaction: the e-mail insert that follows the notification fails.
		await sql`create or replace function schedule_test_crash() returns trigger language plpgsql as $$ begin raise exception 'worker killed'; end $$`.execute(
			db
		);
		await sql`create trigger schedule_test_crash before insert on email_outbox for each row execute function schedule_test_crash()`.execute(
			db
		);
		try {
			await expect(send(new Date(start.getTime() - 20 * HOUR))).rejects.toThrow(/worker killed/);
		} finally {
			await sql`drop trigger schedule_test_crash on email_outbox`.execute(db);
		}
		expect((await received(db, booker.user.id, 'schedule_reminder_booking')).notifications).toHaveLength(0);
		expect(
			await db.selectFrom('reminders_sent').select('user_id').where('user_id', '=', booker.user.id).execute()
		).toHaveLength(0);

		await send(new Date(start.getTime() - 20 * HOUR));
		await send(new Date(start.getTime() - 20 * HOUR));
		expect((await received(db, booker.user.id, 'schedule_reminder_booking')).notifications).toHaveLength(1);
		expect(await reminderEmails(booker.user.id)).toHaveLength(1);
		// Two runners at once: still one.
		await Promise.all([send(new Date(start.getTime() - 30 * MINUTE)), send(new Date(start.getTime() - 30 * MINUTE))]);
		expect((await received(db, booker.user.id, 'schedule_reminder_booking')).notifications).toHaveLength(2);
		expect(await reminderEmails(booker.user.id)).toHaveLength(2);
	});
});

describe('reminders on the job runner', () => {
	it('a failed run is retried by the runner and still sends exactly once', async () => {
		const { booker } = await bookedMember(db, '2026-03-16', 10);
		const start = at('2026-03-16', 10);
		const now = new Date(start.getTime() - 20 * HOUR);
		await scheduleRecurring(db, reminderJobs, now);
		const runner = createJobRunner({
			db,
			origin: ORIGIN,
			workerId: 'node-a',
			handlers: { 'reminders.send': reminderJobs[0].handler }
		});
		await sql`create or replace function schedule_test_crash() returns trigger language plpgsql as $$ begin raise exception 'worker killed'; end $$`.execute(
			db
		);
		await sql`create trigger schedule_test_crash before insert on email_outbox for each row execute function schedule_test_crash()`.execute(
			db
		);
		try {
			expect((await runner.runDue(now)).failed).toHaveLength(1);
		} finally {
			await sql`drop trigger schedule_test_crash on email_outbox`.execute(db);
		}
		const job = (await findJobByKey(db, recurringKey('reminders.send')))!;
		expect(job).toMatchObject({ state: 'queued', attempts: 1 });
		expect(job.last_error).toContain('worker killed');
		expect((await received(db, booker.user.id, 'schedule_reminder_booking')).notifications).toHaveLength(0);

		const retry = new Date(now.getTime() + backoffMs(1));
		expect((await runner.runDue(retry)).done).toHaveLength(1);
		await db.updateTable('jobs').set({ run_at: retry }).where('id', '=', job.id).execute();
		expect((await runner.runDue(new Date(retry.getTime() + 60_000))).done).toHaveLength(1);
		expect((await received(db, booker.user.id, 'schedule_reminder_booking')).notifications).toHaveLength(1);
		expect(await reminderEmails(booker.user.id)).toHaveLength(1);
	});
});

describe('notification settings', () => {
	it('suppresses the e-mail or the in-app notice per kind', async () => {
		const emailOff = await bookedMember(db, '2026-03-13', 10);
		const inAppOff = await bookedMember(db, '2026-03-13', 13);
		await savePreferences(db, emailOff.booker.user.id, [
			{ kind: 'schedule_reminder_booking', inApp: true, email: false }
		]);
		await savePreferences(db, inAppOff.booker.user.id, [
			{ kind: 'schedule_reminder_booking', inApp: false, email: true }
		]);
		await send(new Date(at('2026-03-13', 10).getTime() - 20 * HOUR));

		expect((await received(db, emailOff.booker.user.id, 'schedule_reminder_booking')).notifications).toHaveLength(1);
		expect(await reminderEmails(emailOff.booker.user.id)).toHaveLength(0);
		expect((await received(db, inAppOff.booker.user.id, 'schedule_reminder_booking')).notifications).toHaveLength(0);
		expect(await reminderEmails(inAppOff.booker.user.id)).toHaveLength(1);
		// Another kind is untouched by the choice.
		expect(
			(await received(db, emailOff.booker.user.id)).emails.some((e) => e.subject.startsWith('Booking confirmed'))
		).toBe(true);
	});
});
