import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { requestContext, requireUser } from '$lib/server/http/context';
import { failFromError } from '$lib/server/app/errors';
import { readForm } from '$lib/server/http/form';
import { listVerifiedMemberships } from '$lib/server/common/verified-memberships';
import { newRequestBody } from '$lib/server/testservices/schemas';
import { createRequest } from '$lib/server/testservices/service';
import { readRequestAttachments } from '$lib/server/testservices/attachment-files';

export const load = (async (event) => {
	const user = requireUser(event);
	const db = getDb();
	const [companies, facilities] = await Promise.all([
		listVerifiedMemberships(db, user.id, ['company']),
		db.selectFrom('facilities').select(['id', 'slug', 'name_ko', 'name_en']).orderBy('name_en').execute()
	]);
	return { companies, facilities, facility: event.url.searchParams.get('facility') };
}) satisfies PageServerLoad;

export const actions = {
	default: async (event) => {
		const user = requireUser(event);
		const form = await readForm(event.request, newRequestBody);
		if (!form.ok) return fail(400, { errors: form.errors, values: form.values });
		let id: string;
		try {
			const files = readRequestAttachments(form.form);
			id = (await createRequest(getDb(), user, form.data, requestContext(event), files)).id;
		} catch (error) {
			return failFromError(error, { values: form.values });
		}
		redirect(303, `/testbed/services/${id}`);
	}
} satisfies Actions;
