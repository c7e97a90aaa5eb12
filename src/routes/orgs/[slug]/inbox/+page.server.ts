import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { NotFoundError } from '$lib/server/errors';
import { readForm } from '$lib/server/http/form';
import { failFromError, throwLoadError } from '$lib/server/app/errors';
import { requestContext, requireUser } from '$lib/server/http/context';
import * as orgRepository from '$lib/server/orgs/repository';
import { slugParam } from '$lib/server/api/schemas';
import { inboxActionSchema, listInbox, markInboxMessage } from '$lib/server/directory/inbox';

/** The organisation named by the URL; a slug that cannot be one is not found (never a database error). */
async function findOrg(slug: string) {
	const parsed = slugParam.safeParse(slug);
	const org = parsed.success ? await orgRepository.findOrganizationBySlug(getDb(), parsed.data) : undefined;
	if (!org) throw new NotFoundError();
	return org;
}

// The organisation's admins (and operators) read the contact messages written to it.
export const load = (async (event) => {
	const user = requireUser(event);
	const db = getDb();
	const org = await findOrg(event.params.slug).catch(throwLoadError);
	const archived = event.url.searchParams.get('view') === 'archived';
	const messages = await listInbox(db, user, org.id, archived).catch(throwLoadError);
	return {
		org: { slug: org.slug, name_ko: org.name_ko, name_en: org.name_en },
		archived,
		messages: messages.map((msg) => ({
			...msg,
			created_at: msg.created_at.toISOString(),
			read: msg.read_at !== null,
			read_at: undefined,
			archived_at: undefined
		}))
	};
}) satisfies PageServerLoad;

export const actions = {
	default: async (event) => {
		const user = requireUser(event);
		const form = await readForm(event.request, inboxActionSchema);
		if (!form.ok) return fail(400, { errors: form.errors });
		try {
			const org = await findOrg(event.params.slug);
			await markInboxMessage(getDb(), user, org.id, form.data, requestContext(event));
		} catch (error) {
			return failFromError(error);
		}
		return { done: form.data.mark };
	}
} satisfies Actions;
