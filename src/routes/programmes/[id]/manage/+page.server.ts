import { error, fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import * as m from '$lib/paraglide/messages';
import { getDb } from '$lib/server/runtime';
import { requestContext, requireUser } from '$lib/server/http/context';
import { failFromError, throwLoadError } from '$lib/server/app/errors';
import { readForm } from '$lib/server/http/form';
import { sql } from 'kysely';
import { requireCallManager } from '$lib/server/programmes/access';
import { rankApplications } from '$lib/server/programmes/ranking';
import { findCall, listReviewers } from '$lib/server/programmes/repository';
import { decisionFormSchema, idParam } from '$lib/server/programmes/schemas';
import { decideApplication } from '$lib/server/programmes/selection';

function callId(params: { id: string }) {
	const id = idParam.safeParse(params.id);
	if (!id.success) error(404, m.error_not_found());
	return id.data;
}

export const load = (async (event) => {
	const user = requireUser(event);
	const db = getDb();
	const call = await findCall(db, callId(event.params));
	if (!call) error(404, m.error_not_found());
	try {
		await requireCallManager(db, user, call);
	} catch (err) {
		throwLoadError(err);
	}
	const [ranking, reviewers, clock] = await Promise.all([
		rankApplications(db, call),
		listReviewers(db, call.id),
		sql<{ closed: boolean }>`select now() >= ${call.closes_at} as closed`.execute(db).then((r) => r.rows[0])
	]);
	return {
		call: { id: call.id, title_ko: call.title_ko, title_en: call.title_en, places: call.places },
		ranking: ranking.map(({ comments, ...row }) => ({ ...row, comments })),
		reviewers: reviewers.map((r) => ({ id: r.id, name: r.name })),
		closed: clock.closed
	};
}) satisfies PageServerLoad;

export const actions = {
	decide: async (event) => {
		const user = requireUser(event);
		const form = await readForm(event.request, decisionFormSchema);
		if (!form.ok)
			return fail(400, { errors: form.errors, values: form.values, message: Object.values(form.errors)[0] });
		try {
			await decideApplication(getDb(), user, callId(event.params), form.data, requestContext(event));
		} catch (err) {
			return failFromError(err, { values: form.values });
		}
		return { decided: form.data.decision };
	}
} satisfies Actions;
