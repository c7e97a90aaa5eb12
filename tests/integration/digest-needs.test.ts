// The weekly digest of new matching needs: company admins hear of needs posted this week that match
// their company, never of an invited-only need their company was not invited to; opting out (in the
// settings or by the mail's one-click link) stops it; a second run in the same ISO week sends nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, type Kysely } from 'kysely';
import type { DB } from '$lib/server/db';
import type { Database } from '$lib/server/db/connect';
import { DIGEST_KIND, isoWeek, sendWeeklyDigests, unsubscribeFromDigest } from '$lib/server/needs/digest';
import { savePreferences } from '$lib/server/notify/repository';
import { createTestDatabase } from './support/database';
import { context, createCompany, createHospital, createTerm, postNeed } from './needs-support';

let database: Database;
let db: Kysely<DB>;

beforeAll(async () => {
	database = await createTestDatabase();
	db = database.db;
});
afterAll(() => database.close());

const digestsOf = (userId: string) =>
	db
		.selectFrom('notifications')
		.select(['params', 'link'])
		.where('user_id', '=', userId)
		.where('kind', '=', DIGEST_KIND)
		.execute();
const emailsTo = async (userId: string) => {
	const { email } = await db.selectFrom('users').select('email').where('id', '=', userId).executeTakeFirstOrThrow();
	return db
		.selectFrom('email_outbox')
		.select(['subject', 'body_text'])
		.where('to_address', '=', email)
		.where('subject', 'like', 'New clinical needs%')
		.execute();
};

describe('weekly needs digest', () => {
	it('sends admins the new matching needs they may see, once per week, with a working opt-out link', async () => {
		const cardiology = await createTerm(db, 'department', 'Cardiology');
		const hospital = await createHospital(db);
		const company = await createCompany(db, {
			name_en: 'Rhythmwatch',
			termIds: [cardiology.id],
			description_en: 'Smartwatch arrhythmia detection'
		});
		const invitedCompany = await createCompany(db, { name_en: 'Invited Cardio', termIds: [cardiology.id] });
		const quiet = await createCompany(db, { name_en: 'Bonecraft', description_en: 'Titanium implants' });

		const open = await postNeed(db, hospital.staff, {
			title_en: 'Smartwatch arrhythmia screening validation',
			department: cardiology.id
		});
		const secret = await postNeed(db, hospital.staff, {
			title_en: 'Confidential arrhythmia registry',
			department: cardiology.id,
			visibility: 'invited',
			invited: [invitedCompany.org.id]
		});
		const old = await postNeed(db, hospital.staff, { title_en: 'Older arrhythmia need', department: cardiology.id });
		await sql`update needs set created_at = now() - interval '10 days' where id = ${old.id}`.execute(db);

		const now = new Date();
		const sent = await sendWeeklyDigests(db, now, context.origin);
		expect(sent).toContain(company.owner.id);
		// Members who are not admins get no digest; a company with nothing new gets none either.
		expect(sent).not.toContain(company.member.id);
		expect(sent).not.toContain(quiet.owner.id);

		const [digest] = await digestsOf(company.owner.id);
		expect(digest.params.count).toBe('1');
		expect(digest.params.needs_en).toContain('Smartwatch arrhythmia screening validation');
		expect(digest.params.needs_en).toContain('Shared tags: Cardiology');
		expect(digest.params.needs_en).not.toContain('Confidential');
		expect(digest.params.needs_en).not.toContain('Older');
		const [invitedDigest] = await digestsOf(invitedCompany.owner.id);
		expect(invitedDigest.params.needs_en).toContain('Confidential arrhythmia registry');
		expect(invitedDigest.params.count).toBe('2');

		// In the recipient's language (factory users read English), with the one-click opt-out link.
		const [mail] = await emailsTo(company.owner.id);
		expect(mail.subject).toBe('New clinical needs matching your company this week: 1');
		expect(mail.body_text).toContain(`/needs/${open.id}`);
		expect(mail.body_text).not.toContain(secret.id);
		const link = /\/settings\/notifications\/unsubscribe\/(mcf[a-z2-7]+)/.exec(mail.body_text)![1];

		// Idempotent per (user, ISO week).
		expect(await sendWeeklyDigests(db, new Date(now.getTime() + 60_000), context.origin)).toEqual([]);
		expect(await digestsOf(company.owner.id)).toHaveLength(1);
		expect(await emailsTo(company.owner.id)).toHaveLength(1);
		expect(
			await db.selectFrom('digest_sends').select('iso_week').where('user_id', '=', company.owner.id).execute()
		).toEqual([{ iso_week: isoWeek(now) }]);

		// The one-click link turns the digest off; a bogus link does nothing.
		expect(await unsubscribeFromDigest(db, 'mcf' + 'b'.repeat(32))).toBe(false);
		expect(await unsubscribeFromDigest(db, link)).toBe(true);
		await db.deleteFrom('digest_sends').execute();
		const again = await sendWeeklyDigests(db, now, context.origin);
		expect(again).not.toContain(company.owner.id);
		expect(again).toContain(invitedCompany.owner.id);
	});

	it('respects an opt-out made in the notification settings, and e-mail-only opt-outs keep the in-app digest', async () => {
		const cardiology = await createTerm(db, 'department', 'Cardiology');
		const hospital = await createHospital(db);
		const optedOut = await createCompany(db, { termIds: [cardiology.id] });
		const inAppOnly = await createCompany(db, { termIds: [cardiology.id] });
		await postNeed(db, hospital.staff, { title_en: 'Holter monitoring pilot', department: cardiology.id });
		await savePreferences(db, optedOut.owner.id, [{ kind: DIGEST_KIND, inApp: false, email: false }]);
		await savePreferences(db, inAppOnly.owner.id, [{ kind: DIGEST_KIND, inApp: true, email: false }]);
		const now = new Date();
		const sent = await sendWeeklyDigests(db, now, context.origin);
		expect(sent).not.toContain(optedOut.owner.id);
		expect(await digestsOf(optedOut.owner.id)).toHaveLength(0);
		expect(sent).toContain(inAppOnly.owner.id);
		expect(await digestsOf(inAppOnly.owner.id)).toHaveLength(1);
		expect(await emailsTo(inAppOnly.owner.id)).toHaveLength(0);
	});

	it('numbers ISO weeks in Seoul time', () => {
		expect(isoWeek(new Date('2026-11-22T14:59:00Z'))).toBe('2026-W47');
		expect(isoWeek(new Date('2026-11-22T15:00:00Z'))).toBe('2026-W48');
		expect(isoWeek(new Date('2027-01-01T03:00:00Z'))).toBe('2026-W53');
	});
});
