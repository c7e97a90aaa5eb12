// Membership rules: join requests, invitations, roles and removal; the last owner always stays.
import type { Kysely } from 'kysely';
import type { DB, Executor } from '../db';
import type { MemberRole } from '../db/types';
import * as m from '$lib/paraglide/messages';
import { isUniqueViolation } from '../db/errors';
import { recordAudit } from '../audit/repository';
import { sendEmail } from '../notify/service';
import { notifyUser } from '../app/notifications';
import { findUserById } from '../users/repository';
import { ForbiddenError, InvalidStateError, NotFoundError } from '../errors';
import { requireOrgAdmin, type Actor } from './access';
import { AlreadyMemberError, InvitationEmailMismatchError, JoinRequestPendingError, LastOwnerError } from './errors';
import * as invitations from './invitations';
import * as orgRepository from './repository';
import type { Context } from '$lib/server/common/context';

const roleLabel = (role: MemberRole, locale: 'ko' | 'en') =>
	({ owner: m.orgs_role_owner, admin: m.orgs_role_admin, member: m.orgs_role_member })[role]({}, { locale });

async function orgOrThrow(db: Executor, orgId: string) {
	const org = await orgRepository.findOrganizationById(db, orgId);
	if (!org) throw new NotFoundError();
	return org;
}

export async function requestToJoin(db: Kysely<DB>, userId: string, orgId: string, message: string, context: Context) {
	try {
		return await db.transaction().execute(async (trx) => {
			const org = await orgOrThrow(trx, orgId);
			if (org.status !== 'verified') throw new NotFoundError();
			if (await orgRepository.findMembership(trx, orgId, userId)) throw new AlreadyMemberError();
			const request = await orgRepository.insertJoinRequest(trx, orgId, userId, message);
			const user = await findUserById(trx, userId);
			await recordAudit(trx, {
				actorId: userId,
				action: 'membership.requested',
				entityType: 'organization',
				entityId: orgId,
				data: { requestId: request.id },
				ip: context.ip
			});
			for (const adminId of await orgRepository.listOrgAdminIds(trx, orgId)) {
				await notifyUser(trx, {
					userId: adminId,
					kind: 'join_request_received',
					params: { org: org.name_ko, org_en: org.name_en, user: user?.name ?? '' },
					link: `/orgs/${org.slug}/manage`,
					origin: context.origin
				});
			}
			return request;
		});
	} catch (error) {
		if (isUniqueViolation(error, 'join_requests_pending_key')) throw new JoinRequestPendingError();
		throw error;
	}
}

export async function decideJoinRequest(
	db: Kysely<DB>,
	actor: Actor,
	orgId: string,
	requestId: string,
	accept: boolean,
	context: Context
) {
	return db.transaction().execute(async (trx) => {
		await requireOrgAdmin(trx, actor, orgId);
		const request = await orgRepository.findJoinRequestForUpdate(trx, requestId);
		// A request of another organisation looks exactly like a missing one.
		if (!request || request.org_id !== orgId) throw new NotFoundError();
		if (request.status !== 'pending') throw new InvalidStateError();
		const org = await orgOrThrow(trx, orgId);
		await orgRepository.decideJoinRequest(trx, requestId, accept ? 'accepted' : 'refused', actor.id);
		if (accept && !(await orgRepository.findMembership(trx, orgId, request.user_id))) {
			await orgRepository.insertMembership(trx, orgId, request.user_id, 'member');
		}
		await recordAudit(trx, {
			actorId: actor.id,
			action: accept ? 'membership.accepted' : 'membership.refused',
			entityType: 'organization',
			entityId: orgId,
			data: { userId: request.user_id },
			ip: context.ip
		});
		await notifyUser(trx, {
			userId: request.user_id,
			kind: accept ? 'join_request_accepted' : 'join_request_refused',
			params: { org: org.name_ko, org_en: org.name_en },
			link: `/orgs/${org.slug}`,
			origin: context.origin
		});
	});
}

export async function inviteMember(
	db: Kysely<DB>,
	actor: Actor,
	orgId: string,
	input: { email: string; role: 'admin' | 'member' },
	context: Context
) {
	return db.transaction().execute(async (trx) => {
		const { role: actorRole } = await requireOrgAdmin(trx, actor, orgId);
		if (input.role === 'admin' && actorRole === 'admin') {
			// Admins may invite members; making admins is for owners (and operators).
			throw new ForbiddenError();
		}
		const org = await orgOrThrow(trx, orgId);
		const inviter = await findUserById(trx, actor.id);
		const { id, token } = await invitations.createInvitation(trx, {
			orgId,
			email: input.email,
			role: input.role,
			invitedBy: actor.id
		});
		const existing = await trx
			.selectFrom('users')
			.select('locale')
			.where((eb) => eb(eb.fn('lower', ['email']), '=', input.email.toLowerCase()))
			.executeTakeFirst();
		await sendEmail(trx, {
			to: input.email,
			locale: existing?.locale ?? inviter?.locale ?? 'ko',
			kind: 'invitation',
			params: { org: org.name_ko, org_en: org.name_en, inviter: inviter?.name ?? '' },
			url: new URL(`/invitations/${token}`, context.origin).href
		});
		await recordAudit(trx, {
			actorId: actor.id,
			action: 'membership.invited',
			entityType: 'organization',
			entityId: orgId,
			data: { invitationId: id, email: input.email, role: input.role },
			ip: context.ip
		});
		return { id };
	});
}

export async function revokeInvitation(
	db: Kysely<DB>,
	actor: Actor,
	orgId: string,
	invitationId: string,
	context: Context
) {
	return db.transaction().execute(async (trx) => {
		await requireOrgAdmin(trx, actor, orgId);
		if (!(await invitations.revokeInvitation(trx, orgId, invitationId))) throw new NotFoundError();
		await recordAudit(trx, {
			actorId: actor.id,
			action: 'membership.invitation_revoked',
			entityType: 'organization',
			entityId: orgId,
			data: { invitationId },
			ip: context.ip
		});
	});
}

export async function acceptInvitation(db: Kysely<DB>, userId: string, token: string, context: Context) {
	return db.transaction().execute(async (trx) => {
		const invitation = await invitations.findOpenInvitation(trx, token);
		const user = await findUserById(trx, userId);
		if (!user || user.email.toLowerCase() !== invitation.email.toLowerCase()) throw new InvitationEmailMismatchError();
		if (await orgRepository.findMembership(trx, invitation.org_id, userId)) throw new AlreadyMemberError();
		await orgRepository.insertMembership(trx, invitation.org_id, userId, invitation.role);
		await invitations.markInvitationAccepted(trx, invitation.id);
		// The invitation went to this address, so following it proves the address.
		if (!user.email_verified_at)
			await trx.updateTable('users').set({ email_verified_at: new Date() }).where('id', '=', userId).execute();
		await recordAudit(trx, {
			actorId: userId,
			action: 'membership.invitation_accepted',
			entityType: 'organization',
			entityId: invitation.org_id,
			data: { invitationId: invitation.id, role: invitation.role },
			ip: context.ip
		});
		return orgOrThrow(trx, invitation.org_id);
	});
}

function ownersAfter(members: { user_id: string; role: MemberRole }[], userId: string, newRole: MemberRole | null) {
	return members.filter((m) => (m.user_id === userId ? newRole === 'owner' : m.role === 'owner')).length;
}

export async function setMemberRole(
	db: Kysely<DB>,
	actor: Actor,
	orgId: string,
	userId: string,
	role: MemberRole,
	context: Context
) {
	return db.transaction().execute(async (trx) => {
		const { role: actorRole } = await requireOrgAdmin(trx, actor, orgId);
		const members = await orgRepository.lockMemberships(trx, orgId);
		const target = members.find((m) => m.user_id === userId);
		if (!target) throw new NotFoundError();
		// Roles other than member are for owners (and operators) to give and take.
		if (actorRole === 'admin' && (target.role !== 'member' || role !== 'member')) throw new ForbiddenError();
		if (ownersAfter(members, userId, role) === 0) throw new LastOwnerError();
		if (target.role === role) return;
		const org = await orgOrThrow(trx, orgId);
		await orgRepository.updateMembershipRole(trx, orgId, userId, role);
		await recordAudit(trx, {
			actorId: actor.id,
			action: 'membership.role_changed',
			entityType: 'organization',
			entityId: orgId,
			data: { userId, from: target.role, to: role },
			ip: context.ip
		});
		await notifyUser(trx, {
			userId,
			kind: 'member_role_changed',
			params: { org: org.name_ko, org_en: org.name_en, role_ko: roleLabel(role, 'ko'), role_en: roleLabel(role, 'en') },
			link: `/orgs/${org.slug}`,
			origin: context.origin
		});
	});
}

/** An admin removes a member, or a member leaves (actor = the member). */
export async function removeMember(db: Kysely<DB>, actor: Actor, orgId: string, userId: string, context: Context) {
	return db.transaction().execute(async (trx) => {
		const leaving = actor.id === userId;
		const actorRole = leaving ? null : (await requireOrgAdmin(trx, actor, orgId)).role;
		const members = await orgRepository.lockMemberships(trx, orgId);
		const target = members.find((m) => m.user_id === userId);
		if (!target) throw new NotFoundError();
		if (actorRole === 'admin' && target.role !== 'member') throw new ForbiddenError();
		if (ownersAfter(members, userId, null) === 0) throw new LastOwnerError();
		const org = await orgOrThrow(trx, orgId);
		await orgRepository.deleteMembership(trx, orgId, userId);
		await recordAudit(trx, {
			actorId: actor.id,
			action: leaving ? 'membership.left' : 'membership.removed',
			entityType: 'organization',
			entityId: orgId,
			data: { userId, role: target.role },
			ip: context.ip
		});
		if (!leaving)
			await notifyUser(trx, {
				userId,
				kind: 'member_removed',
				params: { org: org.name_ko, org_en: org.name_en },
				link: null,
				origin: context.origin
			});
	});
}
