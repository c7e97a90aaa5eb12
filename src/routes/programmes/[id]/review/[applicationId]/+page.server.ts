import { error, fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import * as m from '$lib/paraglide/messages';
import { getDb } from '$lib/server/runtime';
import { requestContext, requireUser } from '$lib/server/http/context';
import { failFromError, throwLoadError } from '$lib/server/app/errors';
import { readForm } from '$lib/server/http/form';
import {
	readForReviewer,
	requireReviewableApplication,
	saveReview,
	weightedScore
} from '$lib/server/programmes/reviews';
import { idParam, readScores, reviewFormSchema } from '$lib/server/programmes/schemas';

function ids(params: { id: string; applicationId: string }) {
	const call = idParam.safeParse(params.id);
	const application = idParam.safeParse(params.applicationId);
	if (!call.success || !application.success) error(404, m.error_not_found());
	return { callId: call.data, applicationId: application.data };
}

export const load = (async (event) => {
	const user = requireUser(event);
	const { callId, applicationId } = ids(event.params);
	try {
		const view = await readForReviewer(getDb(), user, applicationId);
		if (view.call.id !== callId) error(404, m.error_not_found());
		return {
			call: {
				id: view.call.id,
				title_ko: view.call.title_ko,
				title_en: view.call.title_en,
				questions: view.call.questions,
				rubric: view.call.rubric
			},
			application: { id: view.application.id, answers: view.application.answers },
			organisation: view.organisation,
			files: view.files,
			own: view.own
				? {
						scores: view.own.scores,
						comment: view.own.comment,
						submitted: view.own.submitted_at !== null,
						total: weightedScore(view.call.rubric, view.own.scores)
					}
				: null,
			others: view.others.map((o) => ({ name: o.name, scores: o.scores, comment: o.comment, total: o.total }))
		};
	} catch (err) {
		throwLoadError(err);
	}
}) satisfies PageServerLoad;

export const actions = {
	default: async (event) => {
		const user = requireUser(event);
		const { applicationId } = ids(event.params);
		const form = await readForm(event.request, reviewFormSchema);
		if (!form.ok) return fail(400, { errors: form.errors, values: form.values });
		const db = getDb();
		try {
			const { call } = await requireReviewableApplication(db, user, applicationId);
			const scores = readScores(form.data as Record<string, unknown>, call.rubric);
			await saveReview(
				db,
				user,
				applicationId,
				{ scores, comment: form.data.comment, submit: form.data.intent === 'submit' },
				requestContext(event)
			);
		} catch (err) {
			return failFromError(err, { values: form.values });
		}
		return { saved: form.data.intent };
	}
} satisfies Actions;
