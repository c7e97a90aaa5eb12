import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { signUp } from '$lib/server/auth/service';
import { signUpSchema } from '$lib/server/auth/schemas';
import { setSessionCookie } from '$lib/server/auth/session';
import { readForm } from '$lib/server/http/form';
import { failFromError } from '$lib/server/app/errors';
import { isSecure, requestContext } from '$lib/server/http/context';

export const load = (({ locals }) => {
	if (locals.user) redirect(303, '/');
	return { locale: locals.locale };
}) satisfies PageServerLoad;

export const actions = {
	default: async (event) => {
		const form = await readForm(event.request, signUpSchema);
		if (!form.ok) return fail(400, { errors: form.errors, values: form.values });
		try {
			const { token, session } = await signUp(
				getDb(),
				{
					...form.data,
					consent: { marketing_email: form.data.consent_marketing, profile_listing: form.data.consent_listing }
				},
				requestContext(event)
			);
			setSessionCookie(event.cookies, token, session.expiresAt, isSecure(event));
		} catch (error) {
			return failFromError(error, { values: form.values });
		}
		redirect(303, '/verify-email');
	}
} satisfies Actions;
