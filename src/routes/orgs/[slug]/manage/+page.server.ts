import { fail } from '@sveltejs/kit';
import type { z } from 'zod';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { getDb } from '$lib/server/runtime';
import { requireOrgAdmin } from '$lib/server/orgs/access';
import * as orgRepository from '$lib/server/orgs/repository';
import * as membership from '$lib/server/orgs/membership';
import * as schemas from '$lib/server/orgs/schemas';
import { NotFoundError } from '$lib/server/errors';
import { readForm } from '$lib/server/http/form';
import { failFromError, throwLoadError } from '$lib/server/app/errors';
import { requestContext, requireUser } from '$lib/server/http/context';
import { setOrgRequiresTwoFactor } from '$lib/server/auth/org-rule';
import { orgTwoFactorRuleSchema } from '$lib/server/auth/two-factor-schemas';

export const load = (async (event) => {
	const user = requireUser(event);
	const db = getDb();
	const org = await orgRepository.findOrganizationBySlug(db, event.params.slug);
	if (!org) throwLoadError(new NotFoundError());
	const { role } = await requireOrgAdmin(db, user, org.id).catch(throwLoadError);
	return {
		org: {
			id: org.id,
			slug: org.slug,
			name_ko: org.name_ko,
			name_en: org.name_en,
			status: org.status,
			require_two_factor: org.require_two_factor
		},
		actorRole: role,
		members: await orgRepository.listMembers(db, org.id),
		joinRequests: await orgRepository.listPendingJoinRequests(db, org.id),
		invitations: await orgRepository.listOpenInvitations(db, org.id)
	};
}) satisfies PageServerLoad;

/** Runs one management action: the signed-in user, the org from the URL, the parsed form. */
async function manage<S extends z.ZodType>(
	event: RequestEvent,
	schema: S,
	run: (actor: { id: string; isOperator: boolean }, orgId: string, data: z.output<S>) => Promise<unknown>
) {
	const user = requireUser(event);
	const form = await readForm(event.request, schema);
	if (!form.ok) return fail(400, { errors: form.errors, values: form.values });
	try {
		const org = await orgRepository.findOrganizationBySlug(getDb(), event.params.slug);
		if (!org) throw new NotFoundError();
		await run({ id: user.id, isOperator: user.isOperator }, org.id, form.data);
	} catch (error) {
		return failFromError(error);
	}
	return { done: true };
}

export const actions = {
	decideJoin: (event) =>
		manage(event, schemas.decideJoinSchema, (actor, orgId, data) =>
			membership.decideJoinRequest(
				getDb(),
				actor,
				orgId,
				data.requestId,
				data.decision === 'accept',
				requestContext(event)
			)
		),
	invite: (event) =>
		manage(event, schemas.inviteSchema, (actor, orgId, data) =>
			membership.inviteMember(getDb(), actor, orgId, data, requestContext(event))
		),
	revokeInvitation: (event) =>
		manage(event, schemas.invitationIdSchema, (actor, orgId, data) =>
			membership.revokeInvitation(getDb(), actor, orgId, data.invitationId, requestContext(event))
		),
	setRole: (event) =>
		manage(event, schemas.memberRoleSchema, (actor, orgId, data) =>
			membership.setMemberRole(getDb(), actor, orgId, data.userId, data.role, requestContext(event))
		),
	twoFactorRule: (event) =>
		manage(event, orgTwoFactorRuleSchema, (actor, orgId, data) =>
			setOrgRequiresTwoFactor(getDb(), actor, orgId, data.requireTwoFactor, requestContext(event).ip)
		),
	remove: (event) =>
		manage(event, schemas.memberSchema, (actor, orgId, data) =>
			membership.removeMember(getDb(), actor, orgId, data.userId, requestContext(event))
		)
} satisfies Actions;
