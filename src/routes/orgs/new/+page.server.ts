import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { createOrganization } from '$lib/server/orgs/service';
import { createOrganizationSchema } from '$lib/server/orgs/schemas';
import { readForm } from '$lib/server/http/form';
import { failFromError } from '$lib/server/app/errors';
import { requestContext, requireUser } from '$lib/server/http/context';

export const load = ((event) => {
	requireUser(event);
	return {};
}) satisfies PageServerLoad;

export const actions = {
	default: async (event) => {
		const user = requireUser(event);
		const form = await readForm(event.request, createOrganizationSchema);
		if (!form.ok) return fail(400, { errors: form.errors, values: form.values });
		let slug: string;
		try {
			slug = (await createOrganization(getDb(), user.id, form.data, requestContext(event))).slug;
		} catch (error) {
			return failFromError(error, { values: form.values, errors: {} });
		}
		redirect(303, `/orgs/${slug}?created=1`);
	}
} satisfies Actions;
