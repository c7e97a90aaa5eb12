// Notification settings: notifyUser honours the per-kind choice of channels, other kinds are left
// alone, security e-mails (sendEmail) ignore every choice, and kinds group into areas.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import type { DB } from '$lib/server/db';
import type { Database } from '$lib/server/db/connect';
import { areaOf, kindsByArea, kindTitle, notificationKinds } from '$lib/server/app/notification-areas';
import { listNotifications, listPreferences, savePreferences } from '$lib/server/notify/repository';
import { sendEmail } from '$lib/server/notify/service';
import { notifyUser } from '$lib/server/app/notifications';
import { createUser } from '../factories';
import { createTestDatabase } from './support/database';

let database: Database;
let db: Kysely<DB>;

beforeAll(async () => {
	database = await createTestDatabase();
	db = database.db;
});
afterAll(() => database.close());

const ORIGIN = 'http://127.0.0.1:3000';
const outbox = (to: string) => db.selectFrom('email_outbox').select('subject').where('to_address', '=', to).execute();
const tell = (userId: string, kind: 'org_contact' | 'meetings_expired') =>
	notifyUser(db, {
		userId,
		kind,
		params: {
			from: 'A',
			from_en: 'A',
			to: 'B',
			to_en: 'B',
			message: 'hi',
			sender: 'S',
			org: 'O',
			org_en: 'O',
			when: ''
		},
		link: '/meetings',
		origin: ORIGIN
	});

describe('notification preferences', () => {
	it('delivers by the channels chosen for each kind', async () => {
		const user = await createUser(db);
		await tell(user.id, 'org_contact');
		expect(await listNotifications(db, user.id, 10)).toHaveLength(1);
		expect(await outbox(user.email)).toHaveLength(1);

		await savePreferences(db, user.id, [
			{ kind: 'org_contact', inApp: false, email: false },
			{ kind: 'meetings_expired', inApp: true, email: false }
		]);
		await tell(user.id, 'org_contact');
		await tell(user.id, 'meetings_expired');
		expect((await listNotifications(db, user.id, 10)).map((n) => n.kind).sort()).toEqual([
			'meetings_expired',
			'org_contact'
		]);
		expect(await outbox(user.email)).toHaveLength(1);

		// Saving again replaces the choice rather than adding rows.
		await savePreferences(db, user.id, [{ kind: 'org_contact', inApp: true, email: true }]);
		expect((await listPreferences(db, user.id)).find((p) => p.kind === 'org_contact')).toMatchObject({
			in_app: true,
			email: true
		});
		await tell(user.id, 'org_contact');
		expect(await outbox(user.email)).toHaveLength(2);
	});

	it('never holds back security e-mails', async () => {
		const user = await createUser(db);
		await savePreferences(
			db,
			user.id,
			notificationKinds().map((kind) => ({ kind, inApp: false, email: false }))
		);
		await sendEmail(db, {
			to: user.email,
			locale: 'en',
			kind: 'password_reset',
			params: {},
			url: `${ORIGIN}/reset-password/x`
		});
		expect(await outbox(user.email)).toHaveLength(1);
	});

	it('groups every kind into an area with a readable title', () => {
		expect(areaOf('testbed_booking_confirmed')).toBe('testbed');
		expect(areaOf('schedule_reminder_ir')).toBe('ir');
		expect(areaOf('digest_needs_weekly')).toBe('needs');
		expect(areaOf('member_removed')).toBe('account');
		const grouped = kindsByArea('en');
		expect(grouped.flatMap((g) => g.kinds).length).toBe(notificationKinds().length);
		expect(kindTitle('testbed_booking_confirmed', 'en')).toBe('Booking confirmed');
		expect(kindTitle('meetings_requested', 'ko')).toBe('미팅 요청');
		expect(kindTitle('schedule_reminder_booking', 'en')).toBe('Reminder before a booking (24 h and 1 h)');
		// No kind is named by its placeholders alone.
		for (const locale of ['ko', 'en'] as const)
			for (const { kinds } of kindsByArea(locale)) for (const { title } of kinds) expect(title).not.toContain('…');
	});
});
