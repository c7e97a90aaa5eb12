import { error, fail } from '@sveltejs/kit';
import * as m from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { failFromError } from '$lib/server/app/errors';
import { readForm } from '$lib/server/http/form';
import { requestContext, requireUser } from '$lib/server/http/context';
import { approveEnrolment, isAnyOrgAdmin, listPendingApprovals, refuseEnrolment } from '$lib/server/courses/employer';
import { enrolmentForm, refuseForm } from '$lib/server/courses/schemas';

// For org admins: the training requests of their own organisations' members.
export const load = (async (event) => {
	const user = requireUser(event);
	const db = getDb();
	if (!(await isAnyOrgAdmin(db, user.id))) error(403, m.error_not_org_admin());
	const requests = await listPendingApprovals(db, user.id);
	return {
		requests: requests.map((r) => ({
			...r,
			created_at: r.created_at.toISOString(),
			starts_at: r.starts_at && new Date(r.starts_at).toISOString()
		}))
	};
}) satisfies PageServerLoad;

export const actions = {
	approve: async (event) => {
		const user = requireUser(event);
		const form = await readForm(event.request, enrolmentForm);
		if (!form.ok) return fail(400, { errors: form.errors });
		try {
			const result = await approveEnrolment(getDb(), user, form.data.enrolmentId, requestContext(event));
			return { approved: result.status };
		} catch (err) {
			return failFromError(err);
		}
	},
	refuse: async (event) => {
		const user = requireUser(event);
		const form = await readForm(event.request, refuseForm);
		if (!form.ok) return fail(400, { errors: form.errors, enrolmentId: form.values.enrolmentId });
		try {
			await refuseEnrolment(getDb(), user, form.data.enrolmentId, form.data.reason, requestContext(event));
			return { refused: true };
		} catch (err) {
			return failFromError(err);
		}
	}
} satisfies Actions;
