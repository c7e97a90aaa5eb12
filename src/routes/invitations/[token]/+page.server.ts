import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { findOpenInvitation } from '$lib/server/orgs/invitations';
import { findOrganizationById } from '$lib/server/orgs/repository';
import { acceptInvitation } from '$lib/server/orgs/membership';
import { DomainError } from '$lib/server/errors';
import { failFromError, messageForError } from '$lib/server/app/errors';
import { requestContext, requireUser } from '$lib/server/http/context';

export const load = (async ({ params, locals }) => {
	const db = getDb();
	try {
		const invitation = await findOpenInvitation(db, params.token);
		const org = await findOrganizationById(db, invitation.org_id);
		return {
			invitation: { email: invitation.email, role: invitation.role },
			org: org && { name_ko: org.name_ko, name_en: org.name_en },
			signedInAs: locals.user?.email ?? null,
			problem: null
		};
	} catch (error) {
		if (error instanceof DomainError)
			return { invitation: null, org: null, signedInAs: null, problem: messageForError(error) };
		throw error;
	}
}) satisfies PageServerLoad;

export const actions = {
	default: async (event) => {
		const user = requireUser(event);
		let slug: string;
		try {
			slug = (await acceptInvitation(getDb(), user.id, event.params.token, requestContext(event))).slug;
		} catch (error) {
			return failFromError(error);
		}
		redirect(303, `/orgs/${slug}`);
	}
} satisfies Actions;
