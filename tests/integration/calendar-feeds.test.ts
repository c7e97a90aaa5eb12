// Calendar feeds, read back by a real iCalendar parser (ical.js): the member's own items only, a
// cancelled item as STATUS:CANCELLED, a rescheduled one with a higher SEQUENCE and its new time,
// Korean text folded at 75 octets; revoked and unknown tokens get nothing; facility feeds only for
// the facility's managers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import { sql, type Kysely } from 'kysely';
import type { DB } from '$lib/server/db';
import type { Database } from '$lib/server/db/connect';
import { facilityFeed, issueFeedToken, personalFeed, revokeFeedToken } from '$lib/server/calendar/feeds';
import { NotFacilityManagerError } from '$lib/server/testbed/errors';
import { cancelBooking, rescheduleBooking } from '$lib/server/testbed/booking-transitions';
import { createBooking } from '$lib/server/testbed/booking-create';
import { createTestDatabase } from './support/database';
import { at, createBooker, slot } from './testbed-support';
import { createTrainee } from './courses-support';
import { bookedMember, context, enrolledTrainee, HOUR, irSession, register } from './schedule-support';

let database: Database;
let db: Kysely<DB>;

beforeAll(async () => {
	database = await createTestDatabase();
	db = database.db;
});
afterAll(() => database.close());

const ORIGIN = context.origin;
// Feeds cover 30 days back and 180 ahead of "now": the test data sits in March 2026.
const FEED_NOW = new Date('2026-03-03T00:00:00Z');
const actor = (id: string) => ({ id, isOperator: false });

function parse(text: string) {
	const calendar = new ICAL.Component(ICAL.parse(text));
	const events = calendar.getAllSubcomponents('vevent').map((vevent) => ({
		uid: String(vevent.getFirstPropertyValue('uid')),
		summary: String(vevent.getFirstPropertyValue('summary')),
		status: String(vevent.getFirstPropertyValue('status')),
		sequence: Number(vevent.getFirstPropertyValue('sequence')),
		start: (vevent.getFirstPropertyValue('dtstart') as ICAL.Time).toJSDate(),
		end: (vevent.getFirstPropertyValue('dtend') as ICAL.Time).toJSDate()
	}));
	return { calendar, events };
}

describe('personal feed', () => {
	it('lists the member’s bookings, course meetings and IR sessions, with cancellations and reschedules', async () => {
		const { booker, booking, resource, lab } = await bookedMember(db, '2026-03-09', 10);
		await db.updateTable('users').set({ locale: 'ko' }).where('id', '=', booker.user.id).execute();
		const cancelled = await createBooking(
			db,
			booker.actor,
			slot(resource.id, '2026-03-10', 10),
			context,
			new Date('2026-03-02T00:00:00Z')
		);
		await cancelBooking(db, booker.actor, cancelled.id, null, context, new Date('2026-03-02T00:00:00Z'));
		const moved = await rescheduleBooking(
			db,
			booker.actor,
			booking.id,
			{ start: at('2026-03-09', 14), end: at('2026-03-09', 15) },
			context,
			new Date('2026-03-02T00:00:00Z')
		);
		const longTitle = {
			ko: '디지털 헬스케어 의료기기 인허가 전략과 임상시험 설계, 보험 등재까지; 한 번에 보는 IR',
			en: 'Long IR'
		};
		const { event } = await irSession(db, new Date('2026-03-12T05:00:00Z'), longTitle);
		await register(db, event.id, booker.user.id);
		await enrolledTrainee(db, booker.user.id, new Date('2026-03-16T01:00:00Z'), new Date('2026-03-02T00:00:00Z'));
		// Someone else's booking in the same lab never shows.
		const other = await createBooker(db);
		const othersBooking = await createBooking(
			db,
			other.actor,
			slot(resource.id, '2026-03-11', 10),
			context,
			new Date('2026-03-02T00:00:00Z')
		);

		const secret = await issueFeedToken(db, booker.actor, null, context);
		const text = (await personalFeed(db, secret, ORIGIN, FEED_NOW))!;
		expect(text).toMatch(/^BEGIN:VCALENDAR\r\n/);
		expect(text.split('\r\n').every((line) => new TextEncoder().encode(line).length <= 75)).toBe(true);
		for (const line of [
			'VERSION:2.0',
			'CALSCALE:GREGORIAN',
			'METHOD:PUBLISH',
			'REFRESH-INTERVAL;VALUE=DURATION:PT60M',
			'X-PUBLISHED-TTL:PT60M'
		])
			expect(text).toContain(`${line}\r\n`);
		expect(text).toMatch(/PRODID:-\/\/MedCluster\/\/Schedule\/\/EN\r\n/);

		const { calendar, events } = parse(text);
		expect(String(calendar.getFirstPropertyValue('x-wr-calname'))).toContain(booker.user.name);
		const byUid = new Map(events.map((e) => [e.uid, e]));
		const current = byUid.get(`booking-${booking.id}@127.0.0.1`)!;
		expect(current.sequence).toBe(moved.sequence);
		expect(current.sequence).toBeGreaterThan(booking.sequence);
		expect(current.start.getTime()).toBe(at('2026-03-09', 14).getTime());
		expect(current.summary).toBe(resource.name_ko);
		expect(byUid.get(`booking-${cancelled.id}@127.0.0.1`)!.status).toBe('CANCELLED');
		const ir = byUid.get(`ir-${event.id}@127.0.0.1`)!;
		expect(ir.summary).toContain(longTitle.ko);
		expect(ir.end.getTime() - ir.start.getTime()).toBe(HOUR);
		expect(events.filter((e) => e.uid.startsWith('meeting-'))).toHaveLength(2);
		expect(events).toHaveLength(5);
		expect(text).not.toContain(othersBooking.id);
		expect(events.some((e) => e.summary.includes(lab.facility.name_ko))).toBe(false);
	});

	it('shows a cancelled IR session and a withdrawn registration as cancelled', async () => {
		const member = (await createTrainee(db)).user;
		const off = await irSession(db, new Date('2026-03-20T05:00:00Z'));
		const left = await irSession(db, new Date('2026-03-21T05:00:00Z'));
		await register(db, off.event.id, member.id);
		await register(db, left.event.id, member.id);
		await db
			.updateTable('ir_events')
			.set({ status: 'cancelled', cancel_reason: 'Postponed', sequence: sql`sequence + 1` })
			.where('id', '=', off.event.id)
			.execute();
		await db
			.updateTable('ir_registrations')
			.set({ cancelled_at: new Date() })
			.where('event_id', '=', left.event.id)
			.execute();
		const { events } = parse(
			(await personalFeed(db, await issueFeedToken(db, actor(member.id), null, context), ORIGIN, FEED_NOW))!
		);
		expect(events.map((e) => [e.uid.split('@')[0], e.status, e.sequence]).sort()).toEqual(
			[
				[`ir-${left.event.id}`, 'CANCELLED', 1],
				[`ir-${off.event.id}`, 'CANCELLED', 1]
			].sort()
		);
	});

	it('stops answering once revoked or regenerated, and never for unknown tokens', async () => {
		const { booker } = await bookedMember(db, '2026-03-09', 11);
		const first = await issueFeedToken(db, booker.actor, null, context);
		expect(await personalFeed(db, first, ORIGIN, FEED_NOW)).toContain('BEGIN:VEVENT');
		const second = await issueFeedToken(db, booker.actor, null, context);
		expect(await personalFeed(db, first, ORIGIN, FEED_NOW)).toBeNull();
		expect(await personalFeed(db, second, ORIGIN, FEED_NOW)).not.toBeNull();
		expect(await revokeFeedToken(db, booker.actor, null, context)).toBe(true);
		expect(await personalFeed(db, second, ORIGIN, FEED_NOW)).toBeNull();
		expect(await personalFeed(db, 'mcf' + 'a'.repeat(32), ORIGIN, FEED_NOW)).toBeNull();
		expect(await personalFeed(db, '../../etc/passwd', ORIGIN, FEED_NOW)).toBeNull();
		// Only the hash is stored, and issuing/revoking is audited.
		const stored = await db
			.selectFrom('calendar_feed_tokens')
			.select('secret_hash')
			.where('user_id', '=', booker.user.id)
			.execute();
		expect(stored.every((row) => !Buffer.from(row.secret_hash).toString('utf8').includes(second))).toBe(true);
		const audit = await db
			.selectFrom('audit_log')
			.select('action')
			.where('actor_id', '=', booker.user.id)
			.where('entity_type', '=', 'calendar_feed')
			.execute();
		expect(audit.map((a) => a.action).sort()).toEqual([
			'calendar_feed.issued',
			'calendar_feed.issued',
			'calendar_feed.revoked'
		]);
	});
});

describe('facility feed', () => {
	it('gives managers every booking of the facility and refuses everybody else', async () => {
		const { lab, booker, booking } = await bookedMember(db, '2026-03-09', 10);
		const secret = await issueFeedToken(db, actor(lab.staff.id), lab.facility.id, context);
		const { events } = parse((await facilityFeed(db, secret, ORIGIN, FEED_NOW))!);
		expect(events.map((e) => e.uid)).toEqual([`booking-${booking.id}@127.0.0.1`]);
		// The booker is not a manager: no facility token, and a personal token is not a facility feed.
		await expect(issueFeedToken(db, booker.actor, lab.facility.id, context)).rejects.toBeInstanceOf(
			NotFacilityManagerError
		);
		const personal = await issueFeedToken(db, booker.actor, null, context);
		expect(await facilityFeed(db, personal, ORIGIN, FEED_NOW)).toBeNull();
		expect(await personalFeed(db, secret, ORIGIN, FEED_NOW)).toBeNull();
		// A manager who steps down loses the feed.
		await db.deleteFrom('facility_managers').where('user_id', '=', lab.staff.id).execute();
		expect(await facilityFeed(db, secret, ORIGIN, FEED_NOW)).toBeNull();
	});
});
