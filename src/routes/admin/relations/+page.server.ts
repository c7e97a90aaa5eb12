import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { readForm } from '$lib/server/http/form';
import { failFromError } from '$lib/server/app/errors';
import { requestContext, requireOperator } from '$lib/server/http/context';
import { listAll } from '$lib/server/relations/repository';
import { removeRelation } from '$lib/server/relations/service';
import { relationIdSchema } from '$lib/server/relations/schemas';

export const load = (async (event) => {
	requireOperator(event);
	const rows = await listAll(getDb());
	return {
		relations: rows.map((r) => ({
			...r,
			created_at: r.created_at.toISOString(),
			decided_at: r.decided_at?.toISOString() ?? null
		}))
	};
}) satisfies PageServerLoad;

export const actions = {
	remove: async (event) => {
		const operator = requireOperator(event);
		const form = await readForm(event.request, relationIdSchema);
		if (!form.ok) return fail(400, { errors: form.errors, values: form.values });
		try {
			await removeRelation(getDb(), operator, form.data.relationId, requestContext(event));
		} catch (error) {
			return failFromError(error);
		}
		return { removed: true };
	}
} satisfies Actions;
