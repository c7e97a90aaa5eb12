// The contact button: stored, sent to the organisation's owners and admins with reply-to details, and throttled.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import { sendContactMessage } from '$lib/server/directory/contact';
import { ForbiddenError, NotFoundError, RateLimitedError } from '$lib/server/errors';
import type { Database } from '$lib/server/db/connect';
import type { DB } from '$lib/server/db';
import { createTestDatabase } from './support/database';
import { context, notificationsOf, orgWithStaff } from './support/orgs';
import { createUser } from '../factories';

let database: Database;
let db: Kysely<DB>;

beforeAll(async () => {
	database = await createTestDatabase();
	db = database.db;
});
afterAll(() => database.close());

const input = { subject: 'Clinical validation', message: 'We would like to discuss a pilot with your team.' };
const countMessages = async (senderId: string) =>
	Number(
		(
			await db
				.selectFrom('contact_messages')
				.select((eb) => eb.fn.countAll<number>().as('n'))
				.where('sender_id', '=', senderId)
				.executeTakeFirstOrThrow()
		).n
	);

describe('contact', () => {
	it('stores the message and tells every owner and admin, in-app and by e-mail, with the reply-to address', async () => {
		const { org, owner, admin, member } = await orgWithStaff(db);
		const sender = await createUser(db);
		await sendContactMessage(db, sender.id, org.id, input, context);
		for (const user of [owner, admin]) {
			const [notification] = await notificationsOf(db, user.id);
			expect(notification).toMatchObject({
				kind: 'org_contact',
				params: {
					sender: sender.name,
					sender_email: sender.email,
					org: org.name_ko,
					org_en: org.name_en,
					subject: input.subject
				},
				link: `/orgs/${org.slug}/inbox`
			});
		}
		expect(await notificationsOf(db, member.id)).toEqual([]);
		const mail = await db
			.selectFrom('email_outbox')
			.select(['subject', 'body_text'])
			.where('to_address', '=', owner.email)
			.executeTakeFirstOrThrow();
		expect(mail.subject).toContain(sender.name);
		expect(mail.body_text).toContain(sender.email);
		expect(mail.body_text).toContain(input.message);
		expect(await countMessages(sender.id)).toBe(1);
	});

	it('allows one message per organisation per 10 minutes and five per hour in all', async () => {
		const sender = await createUser(db);
		const orgs = await Promise.all(Array.from({ length: 6 }, () => orgWithStaff(db)));
		await sendContactMessage(db, sender.id, orgs[0].org.id, input, context);
		await expect(sendContactMessage(db, sender.id, orgs[0].org.id, input, context)).rejects.toBeInstanceOf(
			RateLimitedError
		);
		for (const { org } of orgs.slice(1, 5)) await sendContactMessage(db, sender.id, org.id, input, context);
		const refused = await sendContactMessage(db, sender.id, orgs[5].org.id, input, context).catch((e) => e);
		expect(refused).toBeInstanceOf(RateLimitedError);
		expect(refused.status).toBe(429);
		expect(refused.retryAfterSeconds).toBeGreaterThan(0);
		expect(await countMessages(sender.id)).toBe(5);
		expect(await notificationsOf(db, orgs[5].owner.id)).toEqual([]);
	});

	it('refuses members writing to their own organisation and organisations that are not verified', async () => {
		const { org, member } = await orgWithStaff(db);
		await expect(sendContactMessage(db, member.id, org.id, input, context)).rejects.toBeInstanceOf(ForbiddenError);
		const pending = await orgWithStaff(db, 'pending');
		await expect(
			sendContactMessage(db, (await createUser(db)).id, pending.org.id, input, context)
		).rejects.toBeInstanceOf(NotFoundError);
	});
});
