import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { verifyEmail } from '$lib/server/auth/service';
import { failFromError } from '$lib/server/app/errors';
import { requestContext } from '$lib/server/http/context';

// The link only shows a button: mail scanners that follow links must not consume the token.
export const load = (() => ({})) satisfies PageServerLoad;

export const actions = {
	default: async (event) => {
		try {
			await verifyEmail(getDb(), event.params.token, requestContext(event).ip);
		} catch (error) {
			return failFromError(error);
		}
		redirect(303, event.locals.user ? '/?verified=1' : '/login?verified=1');
	}
} satisfies Actions;
