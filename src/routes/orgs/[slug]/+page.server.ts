import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { findVisibleOrganization } from '$lib/server/orgs/access';
import { findMembership, findOrganizationBySlug } from '$lib/server/orgs/repository';
import { removeMember, requestToJoin } from '$lib/server/orgs/membership';
import { joinRequestSchema } from '$lib/server/orgs/schemas';
import { listOrganizationTerms } from '$lib/server/directory/taxonomy-repository';
import { listProducts } from '$lib/server/directory/products-repository';
import { findThesis } from '$lib/server/matchmaking/thesis-repository';
import { listListedPeople } from '$lib/server/directory/profile-repository';
import { contactSchema } from '$lib/server/directory/profile-schemas';
import { sendContactMessage } from '$lib/server/directory/contact';
import { countUnreadInbox } from '$lib/server/directory/inbox';
import { NotFoundError } from '$lib/server/errors';
import { renderMarkdown } from '$lib/server/markdown';
import { readForm } from '$lib/server/http/form';
import { listSelectionsOf } from '$lib/server/programmes/repository';
import { listConfirmedForOrg } from '$lib/server/relations/repository';
import { failFromError, throwLoadError } from '$lib/server/app/errors';
import { requestContext, requireUser } from '$lib/server/http/context';

export const load = (async ({ locals, params }) => {
	const db = getDb();
	const viewer = locals.user ? { id: locals.user.id, isOperator: locals.user.isOperator } : null;
	const org = await findVisibleOrganization(db, params.slug, viewer).catch(throwLoadError);
	const membership = viewer ? await findMembership(db, org.id, viewer.id) : undefined;
	const pendingRequest =
		viewer && !membership
			? await db
					.selectFrom('join_requests')
					.select('id')
					.where('org_id', '=', org.id)
					.where('user_id', '=', viewer.id)
					.where('status', '=', 'pending')
					.executeTakeFirst()
			: undefined;
	// The search columns are large and internal; the descriptions go out as sanitised HTML only.
	const { description_ko, description_en, search_words, search_bigrams, search_text, ...rest } = org;
	const [terms, products, people, selections, relations] = await Promise.all([
		listOrganizationTerms(db, org.id),
		listProducts(db, org.id),
		// People are for signed-in members only; visitors get none, not a hidden list.
		viewer ? listListedPeople(db, org.id) : Promise.resolve(null),
		listSelectionsOf(db, org.id),
		listConfirmedForOrg(db, org.id)
	]);
	const canManage = membership?.role === 'owner' || membership?.role === 'admin' || !!viewer?.isOperator;
	return {
		org: rest,
		descriptionHtml: renderMarkdown(locals.locale === 'ko' ? description_ko : description_en),
		role: membership?.role ?? null,
		canManage,
		inboxUnread: canManage ? await countUnreadInbox(db, org.id) : 0,
		canContact: !!viewer && !membership && org.status === 'verified',
		joinRequested: !!pendingRequest,
		terms,
		products,
		people,
		selections,
		relations,
		thesis: org.kind === 'investor' ? await findThesis(db, org.id) : null
	};
}) satisfies PageServerLoad;

async function orgId(slug: string) {
	const org = await findOrganizationBySlug(getDb(), slug);
	if (!org) throw new NotFoundError();
	return org.id;
}

export const actions = {
	requestJoin: async (event) => {
		const user = requireUser(event);
		const form = await readForm(event.request, joinRequestSchema);
		if (!form.ok) return fail(400, { errors: form.errors });
		try {
			await requestToJoin(getDb(), user.id, await orgId(event.params.slug), form.data.message, requestContext(event));
		} catch (error) {
			return failFromError(error);
		}
		return { requested: true };
	},
	leave: async (event) => {
		const user = requireUser(event);
		try {
			await removeMember(
				getDb(),
				{ id: user.id, isOperator: false },
				await orgId(event.params.slug),
				user.id,
				requestContext(event)
			);
		} catch (error) {
			return failFromError(error);
		}
		redirect(303, '/orgs');
	},
	contact: async (event) => {
		const user = requireUser(event);
		const form = await readForm(event.request, contactSchema);
		if (!form.ok) return fail(400, { contactErrors: form.errors, contactValues: form.values });
		try {
			await sendContactMessage(getDb(), user.id, await orgId(event.params.slug), form.data, requestContext(event));
		} catch (error) {
			// 429 when throttled, with how long to wait.
			return failFromError(error, { contactValues: form.values });
		}
		return { contacted: true };
	}
} satisfies Actions;
