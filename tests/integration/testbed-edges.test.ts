// Issue #18's testbed edge: where to go and what rules to follow travel with the booking, into the
// booking page, its .ics download, the personal calendar feed and the confirmation e-mail.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import type { Kysely } from 'kysely';
import type { DB } from '$lib/server/db';
import type { Database } from '$lib/server/db/connect';
import { issueFeedToken, personalFeed } from '$lib/server/calendar/feeds';
import { createBooking } from '$lib/server/testbed/booking-create';
import { closeRuntimeDatabase, openRuntimeDatabase } from './support/runtime-database';
import { NOW, context, createBooker, createFacility, createResource, slot } from './testbed-support';
import { load as bookingPageLoad } from '../../src/routes/testbed/bookings/[id]/+page.server';
import { GET as bookingIcs } from '../../src/routes/testbed/bookings/[id]/booking.ics/+server';

let database: Database;
let db: Kysely<DB>;

beforeAll(async () => {
	database = await openRuntimeDatabase();
	db = database.db;
});
afterAll(() => closeRuntimeDatabase(database));

const RULES_EN = 'Wear safety glasses.\nLog every run in the device book.';
const RULES_KO = '보안경을 착용하세요.\n모든 시험을 장비 일지에 기록하세요.';

async function confirmedBooking() {
	const { facility, staff } = await createFacility(db);
	const resource = await createResource(db, facility.id, {
		location: 'Building B, Room 201',
		rules_ko: RULES_KO,
		rules_en: RULES_EN
	});
	const booker = await createBooker(db);
	const booking = await createBooking(db, booker.actor, slot(resource.id, '2026-03-09', 10), context, NOW);
	return { booker, booking, staff };
}

const routeEvent = (userId: string, id: string, path = `/testbed/bookings/${id}`) =>
	({
		params: { id },
		url: new URL(path, context.origin),
		locals: { user: { id: userId, isOperator: false, emailVerified: true }, locale: 'en', timeZone: 'Asia/Seoul' },
		request: new Request(new URL(path, context.origin))
	}) as never;

describe('a booking carries its location and usage rules', () => {
	it('into the confirmation e-mail, in the booker’s language', async () => {
		const { booker, booking } = await confirmedBooking();
		expect(booking.status).toBe('confirmed');
		const mail = await db
			.selectFrom('email_outbox')
			.select(['subject', 'body_text'])
			.where('to_address', '=', booker.user.email)
			.where('subject', 'like', 'Booking confirmed%')
			.executeTakeFirstOrThrow();
		expect(mail.body_text).toContain('Where: Test lab · Building B, Room 201');
		expect(mail.body_text).toContain(`Usage rules: ${RULES_EN}`);
		await db.updateTable('users').set({ locale: 'ko' }).where('id', '=', booker.user.id).execute();
		const again = await createBooking(db, booker.actor, slot(booking.resource_id, '2026-03-10', 10), context, NOW);
		expect(again.status).toBe('confirmed');
		const korean = await db
			.selectFrom('email_outbox')
			.select('body_text')
			.where('to_address', '=', booker.user.email)
			.where('subject', 'like', '%확정%')
			.executeTakeFirstOrThrow();
		expect(korean.body_text).toContain('장소: 시험 랩 · Building B, Room 201');
		expect(korean.body_text).toContain(`이용 수칙: ${RULES_KO}`);
	});

	it('into the booking page and its calendar download', async () => {
		const { booker, booking } = await confirmedBooking();
		const page = (await bookingPageLoad(routeEvent(booker.user.id, booking.id))) as {
			booking: Record<string, unknown>;
		};
		expect(page.booking).toMatchObject({
			place_ko: '시험 랩 · Building B, Room 201',
			place_en: 'Test lab · Building B, Room 201',
			rules_ko: RULES_KO,
			rules_en: RULES_EN
		});

		const response = await bookingIcs(
			routeEvent(booker.user.id, booking.id, `/testbed/bookings/${booking.id}/booking.ics`)
		);
		const vevent = new ICAL.Component(ICAL.parse(await response.text())).getFirstSubcomponent('vevent')!;
		expect(String(vevent.getFirstPropertyValue('location'))).toBe('시험 랩 · Building B, Room 201');
		expect(String(vevent.getFirstPropertyValue('description'))).toContain(RULES_EN);
	});

	it('into the member’s calendar feed', async () => {
		const { booker, booking } = await confirmedBooking();
		const secret = await issueFeedToken(db, booker.actor, null, context);
		const text = (await personalFeed(db, secret, context.origin, new Date('2026-03-03T00:00:00Z')))!;
		const events = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent');
		const entry = events.find((e) => String(e.getFirstPropertyValue('uid')).startsWith(`booking-${booking.id}`))!;
		expect(String(entry.getFirstPropertyValue('location'))).toBe('Test lab · Building B, Room 201');
		expect(String(entry.getFirstPropertyValue('description'))).toBe(RULES_EN);
	});
});
