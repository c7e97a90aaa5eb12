import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { requestContext, requireUser } from '$lib/server/http/context';
import { failFromError, throwLoadError } from '$lib/server/app/errors';
import { readForm } from '$lib/server/http/form';
import { NotFoundError } from '$lib/server/errors';
import { findOrganizationBySlug } from '$lib/server/orgs/repository';
import {
	confirmRelation,
	declareRelation,
	readRelations,
	rejectRelation,
	removeRelation,
	withdrawRelation
} from '$lib/server/relations/service';
import { declareRelationSchema, relationIdSchema } from '$lib/server/relations/schemas';

export const load = (async (event) => {
	const user = requireUser(event);
	const view = await readRelations(getDb(), user, event.params.slug).catch(throwLoadError);
	const { org, isAdmin, relations, candidates } = view;
	return {
		org: { id: org.id, slug: org.slug, name_ko: org.name_ko, name_en: org.name_en },
		isAdmin,
		isOperator: user.isOperator,
		relations: relations.map((r) => ({
			...r,
			created_at: r.created_at.toISOString(),
			decided_at: r.decided_at?.toISOString() ?? null
		})),
		candidates
	};
}) satisfies PageServerLoad;

/** One relation action: the relation id from the form, the change, a translated failure. */
function relationAction(
	change: typeof confirmRelation | typeof rejectRelation | typeof withdrawRelation | typeof removeRelation,
	done: string
) {
	return async (event: Parameters<Actions[string]>[0]) => {
		const user = requireUser(event);
		const form = await readForm(event.request, relationIdSchema);
		if (!form.ok) return fail(400, { errors: form.errors, values: form.values });
		try {
			await change(getDb(), user, form.data.relationId, requestContext(event));
		} catch (error) {
			return failFromError(error);
		}
		return { done };
	};
}

export const actions = {
	declare: async (event) => {
		const user = requireUser(event);
		const form = await readForm(event.request, declareRelationSchema);
		if (!form.ok) return fail(400, { errors: form.errors, values: form.values });
		try {
			const org = await findOrganizationBySlug(getDb(), event.params.slug);
			if (!org) throw new NotFoundError();
			await declareRelation(getDb(), user, org.id, form.data, requestContext(event));
		} catch (error) {
			return failFromError(error, { values: form.values });
		}
		return { done: 'declared' };
	},
	confirm: relationAction(confirmRelation, 'confirmed'),
	reject: relationAction(rejectRelation, 'rejected'),
	withdraw: relationAction(withdrawRelation, 'withdrawn'),
	remove: relationAction(removeRelation, 'removed')
} satisfies Actions;
