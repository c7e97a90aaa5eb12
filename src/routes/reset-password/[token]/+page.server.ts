import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { resetPassword } from '$lib/server/auth/service';
import { resetSchema } from '$lib/server/auth/schemas';
import { deleteSessionCookie } from '$lib/server/auth/session';
import { readForm } from '$lib/server/http/form';
import { failFromError } from '$lib/server/app/errors';
import { isSecure, requestContext } from '$lib/server/http/context';

export const load = (() => ({})) satisfies PageServerLoad;

export const actions = {
	default: async (event) => {
		const form = await readForm(event.request, resetSchema);
		if (!form.ok) return fail(400, { errors: form.errors });
		try {
			await resetPassword(getDb(), event.params.token, form.data.password, requestContext(event).ip);
		} catch (error) {
			return failFromError(error);
		}
		deleteSessionCookie(event.cookies, isSecure(event));
		redirect(303, '/login?reset=1');
	}
} satisfies Actions;
