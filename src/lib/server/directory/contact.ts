// A signed-in person writes to an organisation: stored, sent to its owners and admins, throttled against spam.
import type { Kysely } from 'kysely';
import type { DB } from '../db';
import { recordAudit } from '../audit/repository';
import { consumeRateLimit, type RateLimitRule } from '../auth/rate-limit';
import { ForbiddenError, NotFoundError } from '../errors';
import { notifyUser } from '../app/notifications';
import { findMembership, findOrganizationById, listOrgAdminIds } from '../orgs/repository';
import { findUserById } from '../users/repository';
import type { ContactInput } from './profile-schemas';
import type { Context } from '$lib/server/common/context';

export const CONTACT_PER_SENDER: RateLimitRule = { limit: 5, windowSeconds: 60 * 60 };
export const CONTACT_PER_SENDER_AND_ORG: RateLimitRule = { limit: 1, windowSeconds: 10 * 60 };

export async function sendContactMessage(
	db: Kysely<DB>,
	senderId: string,
	orgId: string,
	input: ContactInput,
	context: Context
) {
	return db.transaction().execute(async (trx) => {
		const org = await findOrganizationById(trx, orgId);
		if (!org || org.status !== 'verified') throw new NotFoundError();
		// Writing to your own organisation is what the members page is for.
		if (await findMembership(trx, orgId, senderId)) throw new ForbiddenError();
		const sender = await findUserById(trx, senderId);
		if (!sender || sender.disabled_at) throw new ForbiddenError();
		// The hits roll back with a refused message, so only messages that were sent use up the allowance.
		await consumeRateLimit(trx, `contact:org:${senderId}:${orgId}`, CONTACT_PER_SENDER_AND_ORG);
		await consumeRateLimit(trx, `contact:sender:${senderId}`, CONTACT_PER_SENDER);
		const message = await trx
			.insertInto('contact_messages')
			.values({ org_id: orgId, sender_id: senderId, subject: input.subject, body: input.message })
			.returning(['id'])
			.executeTakeFirstOrThrow();
		const params = {
			sender: sender.name,
			sender_email: sender.email,
			org: org.name_ko,
			org_en: org.name_en,
			subject: input.subject,
			message: input.message
		};
		for (const adminId of await listOrgAdminIds(trx, orgId)) {
			await notifyUser(trx, {
				userId: adminId,
				kind: 'org_contact',
				params,
				link: `/orgs/${org.slug}/inbox`,
				origin: context.origin
			});
		}
		await recordAudit(trx, {
			actorId: senderId,
			action: 'organization.contacted',
			entityType: 'organization',
			entityId: orgId,
			data: { messageId: message.id, subject: input.subject },
			ip: context.ip
		});
		return message;
	});
}
