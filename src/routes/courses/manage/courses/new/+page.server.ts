import { error, fail, redirect } from '@sveltejs/kit';
import * as m from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { failFromError } from '$lib/server/app/errors';
import { readForm } from '$lib/server/http/form';
import { requestContext, requireUser } from '$lib/server/http/context';
import { createCourse } from '$lib/server/courses/authoring';
import { courseForm } from '$lib/server/courses/authoring-schemas';
import { listProviderChoices } from '$lib/server/courses/providers';

export const load = (async (event) => {
	const user = requireUser(event);
	const providers = await listProviderChoices(getDb(), user);
	// Courses are given by organisations: without one to act for there is nothing to author.
	if (!providers.length) error(403, m.cauth_error_no_provider());
	return { providers };
}) satisfies PageServerLoad;

export const actions = {
	default: async (event) => {
		const user = requireUser(event);
		const form = await readForm(event.request, courseForm);
		const audiences = form.form.getAll('audiences').map(String);
		if (!form.ok) return fail(400, { errors: form.errors, values: form.values, audiences });
		let id: string;
		try {
			id = (await createCourse(getDb(), user, form.data, requestContext(event))).id;
		} catch (err) {
			return failFromError(err, { values: form.values, audiences });
		}
		redirect(303, `/courses/manage/courses/${id}?created=1`);
	}
} satisfies Actions;
