import { error, fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import * as m from '$lib/paraglide/messages';
import { getDb } from '$lib/server/runtime';
import { requestContext, requireUser } from '$lib/server/http/context';
import { failFromError, throwLoadError } from '$lib/server/app/errors';
import { readForm } from '$lib/server/http/form';
import { declareConflicts, listForDeclaration } from '$lib/server/programmes/conflicts';
import { conflictsFormSchema, idParam } from '$lib/server/programmes/schemas';

function callId(params: { id: string }) {
	const id = idParam.safeParse(params.id);
	if (!id.success) error(404, m.error_not_found());
	return id.data;
}

export const load = (async (event) => {
	const user = requireUser(event);
	const db = getDb();
	try {
		const { call, rows } = await listForDeclaration(db, user, callId(event.params));
		const reviews = await db
			.selectFrom('programme_reviews')
			.select(['application_id', 'submitted_at'])
			.where('reviewer_id', '=', user.id)
			.execute();
		return {
			call: { id: call.id, title_ko: call.title_ko, title_en: call.title_en },
			rows: rows.map((r) => ({ ...r, review: reviews.find((x) => x.application_id === r.id) ?? null }))
		};
	} catch (err) {
		throwLoadError(err);
	}
}) satisfies PageServerLoad;

export const actions = {
	declare: async (event) => {
		const user = requireUser(event);
		const form = await readForm(event.request, conflictsFormSchema);
		if (!form.ok) return fail(400, { errors: form.errors });
		try {
			await declareConflicts(getDb(), user, callId(event.params), form.data.conflicted, requestContext(event));
		} catch (err) {
			return failFromError(err);
		}
		return { declared: true };
	}
} satisfies Actions;
