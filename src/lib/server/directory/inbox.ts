// An organisation's contact messages as an inbox for its admins: list, read/unread, archive.
// Replies go by e-mail from the admin's own mail program (a mailto link on the page).
import { z } from 'zod';
import type { Executor } from '../db';
import { recordAudit } from '../audit/repository';
import { NotFoundError } from '../errors';
import { requireOrgAdmin, type Actor } from '../orgs/access';

export const inboxActionSchema = z.object({
	messageId: z.uuid(),
	mark: z.enum(['read', 'unread', 'archive', 'unarchive'])
});
export type InboxAction = z.output<typeof inboxActionSchema>;

export async function listInbox(db: Executor, actor: Actor, orgId: string, archived: boolean) {
	await requireOrgAdmin(db, actor, orgId);
	return db
		.selectFrom('contact_messages')
		.leftJoin('users', 'users.id', 'contact_messages.sender_id')
		.select([
			'contact_messages.id',
			'contact_messages.subject',
			'contact_messages.body',
			'contact_messages.created_at',
			'contact_messages.read_at',
			'contact_messages.archived_at',
			'users.name as sender_name',
			'users.email as sender_email'
		])
		.where('contact_messages.org_id', '=', orgId)
		.where('contact_messages.archived_at', archived ? 'is not' : 'is', null)
		.orderBy('contact_messages.created_at', 'desc')
		.orderBy('contact_messages.id', 'desc')
		.limit(200)
		.execute();
}

export async function countUnreadInbox(db: Executor, orgId: string): Promise<number> {
	const row = await db
		.selectFrom('contact_messages')
		.select((eb) => eb.fn.countAll<string>().as('n'))
		.where('org_id', '=', orgId)
		.where('read_at', 'is', null)
		.where('archived_at', 'is', null)
		.executeTakeFirstOrThrow();
	return Number(row.n);
}

/** Marks one message of the organisation; another organisation's message is a 404. */
export async function markInboxMessage(
	db: Executor,
	actor: Actor,
	orgId: string,
	input: InboxAction,
	context: { ip: string | null },
	now = new Date()
) {
	await requireOrgAdmin(db, actor, orgId);
	const change =
		input.mark === 'read'
			? { read_at: now }
			: input.mark === 'unread'
				? { read_at: null }
				: input.mark === 'archive'
					? { archived_at: now, read_at: now }
					: { archived_at: null };
	const updated = await db
		.updateTable('contact_messages')
		.set(change)
		.where('id', '=', input.messageId)
		.where('org_id', '=', orgId)
		.returning('id')
		.executeTakeFirst();
	if (!updated) throw new NotFoundError();
	if (input.mark === 'archive' || input.mark === 'unarchive') {
		await recordAudit(db, {
			actorId: actor.id,
			action: `contact_message.${input.mark}d`,
			entityType: 'contact_message',
			entityId: updated.id,
			data: { orgId },
			ip: context.ip
		});
	}
}
