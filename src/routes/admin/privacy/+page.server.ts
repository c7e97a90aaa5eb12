import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { readForm } from '$lib/server/http/form';
import { failFromError } from '$lib/server/app/errors';
import { requestContext, requireOperator } from '$lib/server/http/context';
import { listNotices } from '$lib/server/privacy/consent-repository';
import { publishNotice } from '$lib/server/privacy/consent-service';
import { noticeVersionSchema } from '$lib/server/privacy/schemas';

export const load = (async (event) => {
	requireOperator(event);
	const db = getDb();
	const notices = await listNotices(db);
	const runs = await db
		.selectFrom('privacy_retention_runs')
		.select(['id', 'ran_at', 'removed'])
		.orderBy('id', 'desc')
		.limit(10)
		.execute();
	return { notices, runs: runs.map((run) => ({ ...run, id: String(run.id) })) };
}) satisfies PageServerLoad;

export const actions = {
	publish: async (event) => {
		const operator = requireOperator(event);
		const form = await readForm(event.request, noticeVersionSchema);
		if (!form.ok) return fail(400, { errors: form.errors, values: form.values });
		try {
			const notice = await publishNotice(getDb(), operator.id, form.data.version, requestContext(event).ip);
			return { published: notice.version };
		} catch (error) {
			return failFromError(error, { values: form.values });
		}
	}
} satisfies Actions;
