import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import * as m from '$lib/paraglide/messages';
import { getDb } from '$lib/server/runtime';
import { requestContext, requireUser } from '$lib/server/http/context';
import { failFromError } from '$lib/server/app/errors';
import { readForm } from '$lib/server/http/form';
import { DomainError } from '$lib/server/errors';
import { listManagedAgencies } from '$lib/server/programmes/access';
import { createCall } from '$lib/server/programmes/calls';
import { listCallFields } from '$lib/server/programmes/repository';
import { callFormSchema, readFormRows } from '$lib/server/programmes/schemas';

export const load = (async (event) => {
	const user = requireUser(event);
	const db = getDb();
	const agencies = await listManagedAgencies(db, user);
	if (agencies.length === 0) error(403, m.programmes_error_not_manager());
	return { agencies, fields: await listCallFields(db) };
}) satisfies PageServerLoad;

export const actions = {
	default: async (event) => {
		const user = requireUser(event);
		const form = await readForm(event.request, callFormSchema);
		if (!form.ok) return fail(400, { errors: form.errors, values: form.values });
		const rows = readFormRows(form.data as Record<string, unknown>);
		if ('error' in rows) return fail(400, { errors: { [rows.error]: m.programmes_error_row() }, values: form.values });
		let id: string;
		try {
			id = (await createCall(getDb(), user, form.data, rows, requestContext(event))).id;
		} catch (err) {
			if (err instanceof DomainError && err.code === 'validation_failed' && err.params.field === 'reviewer_emails') {
				return fail(400, {
					errors: { reviewer_emails: m.programmes_error_reviewer_unknown({ email: String(err.params.email) }) },
					values: form.values
				});
			}
			return failFromError(err, { values: form.values });
		}
		redirect(303, `/programmes/${id}?created`);
	}
} satisfies Actions;
