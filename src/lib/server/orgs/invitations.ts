// Invitation links: an org admin invites an e-mail address; the link expires after 7 days.
import type { Executor } from '../db';
import { issueToken, parseToken, secretMatches } from '../auth/token';
import { TokenExpiredError, TokenInvalidError } from '../auth/errors';

export const INVITATION_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

export async function createInvitation(
	db: Executor,
	input: { orgId: string; email: string; role: 'admin' | 'member'; invitedBy: string }
) {
	const { id, token, secretHash } = issueToken('inv_');
	// A new invitation to the same address replaces the open one.
	await db
		.updateTable('invitations')
		.set({ revoked_at: new Date() })
		.where('org_id', '=', input.orgId)
		.where((eb) => eb(eb.fn('lower', ['email']), '=', input.email.toLowerCase()))
		.where('accepted_at', 'is', null)
		.where('revoked_at', 'is', null)
		.execute();
	await db
		.insertInto('invitations')
		.values({
			id,
			secret_hash: secretHash,
			org_id: input.orgId,
			email: input.email,
			role: input.role,
			invited_by: input.invitedBy,
			expires_at: new Date(Date.now() + INVITATION_LIFETIME_MS)
		})
		.execute();
	return { id, token };
}

/** The open invitation behind a link, locked for the caller's transaction. */
export async function findOpenInvitation(db: Executor, token: string, now = new Date()) {
	const parsed = parseToken(token);
	if (!parsed || !parsed.id.startsWith('inv_')) throw new TokenInvalidError();
	const row = await db.selectFrom('invitations').selectAll().where('id', '=', parsed.id).forUpdate().executeTakeFirst();
	if (!row || row.accepted_at || row.revoked_at || !secretMatches(parsed.secret, row.secret_hash)) {
		throw new TokenInvalidError();
	}
	if (row.expires_at.getTime() <= now.getTime()) throw new TokenExpiredError();
	return row;
}

export async function markInvitationAccepted(db: Executor, id: string) {
	await db.updateTable('invitations').set({ accepted_at: new Date() }).where('id', '=', id).execute();
}

export async function revokeInvitation(db: Executor, orgId: string, id: string) {
	const result = await db
		.updateTable('invitations')
		.set({ revoked_at: new Date() })
		.where('id', '=', id)
		.where('org_id', '=', orgId)
		.where('accepted_at', 'is', null)
		.where('revoked_at', 'is', null)
		.executeTakeFirst();
	return result.numUpdatedRows > 0n;
}
