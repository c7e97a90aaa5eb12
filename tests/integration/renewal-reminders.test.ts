// Credential renewals: 60, 30 and 7 days before expiry, once each (sequential and parallel runs),
// linking the next open cohort that grants the credential, in the holder's language and time zone,
// afresh after a renewal, and by the channels the holder chose.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import type { DB } from '$lib/server/db';
import type { Database } from '$lib/server/db/connect';
import { savePreferences } from '$lib/server/notify/repository';
import { dueRenewalDays, sendDueRenewals } from '$lib/server/reminders/renewals';
import { uniqueSuffix } from '../factories';
import { createTestDatabase } from './support/database';
import { context, createCohort, createCourse, createProvider, createTrainee, DAY, HOUR, NOW } from './courses-support';
import { received } from './schedule-support';

let database: Database;
let db: Kysely<DB>;

beforeAll(async () => {
	database = await createTestDatabase();
	db = database.db;
});
afterAll(() => database.close());

const send = (now: Date) => sendDueRenewals(db, now, context.origin);

async function credentialHeld(expiresAt: Date, options: { locale?: 'ko' | 'en'; timeZone?: string } = {}) {
	const suffix = uniqueSuffix();
	const credential = await db
		.insertInto('credentials')
		.values({ slug: `cred-${suffix}`, name_ko: `장비 안전 ${suffix}`, name_en: `Safety ${suffix}` })
		.returningAll()
		.executeTakeFirstOrThrow();
	const trainee = await createTrainee(db);
	await db
		.updateTable('users')
		.set({ locale: options.locale ?? 'ko', time_zone: options.timeZone ?? 'Asia/Seoul' })
		.where('id', '=', trainee.user.id)
		.execute();
	await db
		.insertInto('user_credentials')
		.values({ user_id: trainee.user.id, credential_id: credential.id, expires_at: expiresAt })
		.execute();
	return { credential, user: trainee.user };
}

describe('renewal thresholds', () => {
	it('picks the shortest threshold the expiry has entered', () => {
		const expiry = new Date('2026-06-01T00:00:00Z');
		const before = (days: number) => new Date(expiry.getTime() - days * DAY);
		expect(dueRenewalDays(expiry, before(61))).toBeNull();
		expect(dueRenewalDays(expiry, before(60))).toBe(60);
		expect(dueRenewalDays(expiry, before(31))).toBe(60);
		expect(dueRenewalDays(expiry, before(30))).toBe(30);
		expect(dueRenewalDays(expiry, before(3))).toBe(7);
		expect(dueRenewalDays(expiry, expiry)).toBeNull();
	});
});

describe('renewal reminders', () => {
	it('sends once at each threshold and links the next open cohort granting the credential', async () => {
		const expiry = new Date(NOW.getTime() + 59 * DAY);
		const { credential, user } = await credentialHeld(expiry);
		const provider = await createProvider(db);
		// A closed cohort and an unrelated course must not be linked; the open one granting it is.
		const closedCourse = await createCourse(db, provider.org.id, { credential_id: credential.id });
		await createCohort(db, closedCourse.id, { enrol_closes_at: new Date(NOW.getTime() - DAY) });
		await createCohort(db, (await createCourse(db, provider.org.id)).id);
		const course = await createCourse(db, provider.org.id, { credential_id: credential.id });
		await createCohort(db, course.id);

		await send(NOW);
		await send(new Date(NOW.getTime() + HOUR));
		let got = await received(db, user.id, 'renewal_reminder');
		expect(got.notifications).toHaveLength(1);
		expect(got.notifications[0].link).toBe(`/courses/${course.slug}`);
		expect(got.notifications[0].params.days).toBe('60');

		await send(new Date(expiry.getTime() - 29 * DAY));
		await send(new Date(expiry.getTime() - 28 * DAY));
		await send(new Date(expiry.getTime() - 6 * DAY));
		await send(new Date(expiry.getTime() - 1 * DAY));
		// The cohort's enrolment has closed by then: the later reminders say no course is open.
		got = await received(db, user.id);
		expect(got.notifications.map((n) => `${n.kind}:${n.params.days}`).sort()).toEqual([
			'renewal_reminder:60',
			'renewal_reminder_no_course:30',
			'renewal_reminder_no_course:7'
		]);
		expect(got.emails.filter((e) => e.subject.startsWith('자격 갱신'))).toHaveLength(3);
		await send(new Date(expiry.getTime() + DAY));
		expect((await received(db, user.id)).notifications).toHaveLength(3);
	});

	it('sends exactly once when runs overlap', async () => {
		const expiry = new Date(NOW.getTime() + 20 * DAY);
		const { user } = await credentialHeld(expiry);
		const runs = await Promise.all([send(NOW), send(NOW), send(NOW), send(NOW)]);
		expect(runs.flat().filter((r) => r.userId === user.id)).toHaveLength(1);
		expect((await received(db, user.id)).notifications).toHaveLength(1);
		expect((await received(db, user.id)).emails).toHaveLength(1);
	});

	it('speaks the holder’s language and time zone, says when no course is open, and starts again after a renewal', async () => {
		const expiry = new Date('2026-04-01T20:00:00Z');
		const { credential, user } = await credentialHeld(expiry, { locale: 'en', timeZone: 'America/New_York' });
		await send(new Date(expiry.getTime() - 10 * DAY));
		const got = await received(db, user.id, 'renewal_reminder_no_course');
		expect(got.notifications).toHaveLength(1);
		expect(got.notifications[0].link).toBe('/settings/credentials');
		expect(got.emails).toHaveLength(1);
		expect(got.emails[0].subject).toBe(`Renewal: ${credential.name_en} expires in 30 days`);
		expect(got.emails[0].body_text).toContain('1 April 2026 (America/New_York)');

		const renewed = new Date(expiry.getTime() + 365 * DAY);
		await db.updateTable('user_credentials').set({ expires_at: renewed }).where('user_id', '=', user.id).execute();
		await send(new Date(renewed.getTime() - 6 * DAY));
		expect(
			(await received(db, user.id, 'renewal_reminder_no_course')).notifications.map((n) => n.params.days).sort()
		).toEqual(['30', '7']);
	});

	it('follows the notification settings', async () => {
		const expiry = new Date(NOW.getTime() + 5 * DAY);
		const { user } = await credentialHeld(expiry);
		await savePreferences(db, user.id, [{ kind: 'renewal_reminder_no_course', inApp: false, email: false }]);
		expect(await send(NOW)).toEqual(expect.arrayContaining([expect.objectContaining({ userId: user.id, days: 7 })]));
		const got = await received(db, user.id);
		expect(got.notifications).toHaveLength(0);
		expect(got.emails).toHaveLength(0);
	});
});
