import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { requestContext, requireUser } from '$lib/server/http/context';
import { failFromError } from '$lib/server/app/errors';
import { readForm } from '$lib/server/http/form';
import { listTerms } from '$lib/server/directory/taxonomy-repository';
import { listStaffHospitals } from '$lib/server/needs/access';
import { readAttachments } from '$lib/server/needs/attachment-files';
import { newNeedSchema } from '$lib/server/needs/schemas';
import { createNeed } from '$lib/server/needs/service';

export const load = (async (event) => {
	const user = requireUser(event);
	const db = getDb();
	const hospitals = await listStaffHospitals(db, user.id);
	if (hospitals.length === 0) return { hospitals, terms: [], organizations: [] };
	const [terms, organizations] = await Promise.all([
		listTerms(db),
		db
			.selectFrom('organizations')
			.select(['id', 'name_ko', 'name_en', 'kind'])
			.where('status', '=', 'verified')
			.where('kind', '<>', 'hospital')
			.orderBy('name_en')
			.execute()
	]);
	return { hospitals, terms, organizations };
}) satisfies PageServerLoad;

export const actions = {
	default: async (event) => {
		const user = requireUser(event);
		const form = await readForm(event.request, newNeedSchema);
		if (!form.ok) return fail(400, { errors: form.errors, values: form.values });
		let id: string;
		try {
			id = (await createNeed(getDb(), user, form.data, requestContext(event), readAttachments(form.form))).id;
		} catch (error) {
			return failFromError(error, { values: form.values });
		}
		redirect(303, `/needs/${id}?created`);
	}
} satisfies Actions;
