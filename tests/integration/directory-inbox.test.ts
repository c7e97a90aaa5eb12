// Issue #18's directory edge: an organisation's admins have an inbox of contact messages (read/unread,
// reply by e-mail link, archive); members and other organisations' admins see none of it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import type { DB } from '$lib/server/db';
import type { Database } from '$lib/server/db/connect';
import { sendContactMessage } from '$lib/server/directory/contact';
import { countUnreadInbox, listInbox, markInboxMessage } from '$lib/server/directory/inbox';
import { NotFoundError } from '$lib/server/errors';
import { createUser } from '../factories';
import { closeRuntimeDatabase, openRuntimeDatabase } from './support/runtime-database';
import { context, orgWithStaff } from './support/orgs';
import { actions, load } from '../../src/routes/orgs/[slug]/inbox/+page.server';

let database: Database;
let db: Kysely<DB>;

beforeAll(async () => {
	database = await openRuntimeDatabase();
	db = database.db;
});
afterAll(() => closeRuntimeDatabase(database));

const actor = (id: string) => ({ id, isOperator: false });
const refusal = (promise: Promise<unknown>) =>
	promise.then(
		() => null,
		(error) => error
	);

const event = (userId: string, slug: string, search = '', form?: Record<string, string>) => {
	const url = new URL(`/orgs/${slug}/inbox${search}`, context.origin);
	const body = new FormData();
	for (const [key, value] of Object.entries(form ?? {})) body.append(key, value);
	return {
		params: { slug },
		url,
		locals: { user: { id: userId, isOperator: false, emailVerified: true }, locale: 'en' },
		request: new Request(url, form ? { method: 'POST', body } : {}),
		getClientAddress: () => '127.0.0.1'
	} as never;
};

describe('the contact inbox', () => {
	it('lists messages newest first for the admins, with read, unread and archive', async () => {
		const { org, owner, admin } = await orgWithStaff(db);
		const [first, second] = [await createUser(db), await createUser(db)];
		const older = await sendContactMessage(
			db,
			first.id,
			org.id,
			{ subject: 'Pilot study', message: 'Can we talk?\nThanks.' },
			context
		);
		const newer = await sendContactMessage(
			db,
			second.id,
			org.id,
			{ subject: 'Distribution', message: 'Interested in Japan.' },
			context
		);

		const inbox = await listInbox(db, actor(owner.id), org.id, false);
		expect(inbox.map((m) => [m.id, m.sender_email, m.read_at])).toEqual([
			[newer.id, second.email, null],
			[older.id, first.email, null]
		]);
		expect(await countUnreadInbox(db, org.id)).toBe(2);

		await markInboxMessage(db, actor(admin.id), org.id, { messageId: older.id, mark: 'read' }, context);
		expect(await countUnreadInbox(db, org.id)).toBe(1);
		await markInboxMessage(db, actor(admin.id), org.id, { messageId: older.id, mark: 'unread' }, context);
		expect(await countUnreadInbox(db, org.id)).toBe(2);

		await markInboxMessage(db, actor(owner.id), org.id, { messageId: newer.id, mark: 'archive' }, context);
		expect((await listInbox(db, actor(owner.id), org.id, false)).map((m) => m.id)).toEqual([older.id]);
		expect((await listInbox(db, actor(owner.id), org.id, true)).map((m) => m.id)).toEqual([newer.id]);
		expect(await countUnreadInbox(db, org.id)).toBe(1);
		const audit = await db.selectFrom('audit_log').select('action').where('entity_id', '=', newer.id).execute();
		expect(audit.map((a) => a.action)).toEqual(['contact_message.archived']);
		await markInboxMessage(db, actor(owner.id), org.id, { messageId: newer.id, mark: 'unarchive' }, context);
		expect((await listInbox(db, actor(owner.id), org.id, false)).map((m) => m.id)).toEqual([newer.id, older.id]);
	});

	it('is closed to plain members and to other organisations, whose messages are a 404', async () => {
		const { org, member, owner } = await orgWithStaff(db);
		const other = await orgWithStaff(db);
		const sender = await createUser(db);
		const message = await sendContactMessage(
			db,
			sender.id,
			org.id,
			{ subject: 'Hello', message: 'Hi there.' },
			context
		);
		expect(await refusal(listInbox(db, actor(member.id), org.id, false))).toMatchObject({ status: 403 });
		expect(
			await refusal(markInboxMessage(db, actor(member.id), org.id, { messageId: message.id, mark: 'archive' }, context))
		).toMatchObject({ status: 403 });
		// Another org's admin, through their own org, cannot touch this message.
		expect(
			await refusal(
				markInboxMessage(db, actor(other.owner.id), other.org.id, { messageId: message.id, mark: 'archive' }, context)
			)
		).toBeInstanceOf(NotFoundError);
		expect((await listInbox(db, actor(owner.id), org.id, false)).map((m) => m.id)).toEqual([message.id]);
	});

	it('through the page: load for admins, 403 for members, the action marks and refuses bad input', async () => {
		const { org, owner, member } = await orgWithStaff(db);
		const sender = await createUser(db);
		const message = await sendContactMessage(db, sender.id, org.id, { subject: 'Pilot', message: 'Hi.' }, context);
		const page = (await load(event(owner.id, org.slug))) as {
			messages: { id: string; read: boolean }[];
			archived: boolean;
		};
		expect(page.archived).toBe(false);
		expect(page.messages).toEqual([
			expect.objectContaining({ id: message.id, read: false, sender_email: sender.email })
		]);
		await expect(load(event(member.id, org.slug))).rejects.toMatchObject({ status: 403 });

		expect(await actions.default(event(owner.id, org.slug, '', { messageId: message.id, mark: 'read' }))).toEqual({
			done: 'read'
		});
		expect(await countUnreadInbox(db, org.id)).toBe(0);
		expect(
			await actions.default(event(owner.id, org.slug, '', { messageId: message.id, mark: 'delete' }))
		).toMatchObject({ status: 400 });
		expect(
			await actions.default(event(member.id, org.slug, '', { messageId: message.id, mark: 'unread' }))
		).toMatchObject({ status: 403 });
		expect(await countUnreadInbox(db, org.id)).toBe(0);
	});
});
