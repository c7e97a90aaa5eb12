import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { deleteSessionCookie, invalidateSession } from '$lib/server/auth/session';
import { isSecure } from '$lib/server/http/context';

export const load = (() => redirect(303, '/')) satisfies PageServerLoad;

export const actions = {
	default: async (event) => {
		const session = event.locals.session ?? event.locals.pendingSignIn?.session;
		if (session) await invalidateSession(getDb(), session.id);
		deleteSessionCookie(event.cookies, isSecure(event));
		redirect(303, '/');
	}
} satisfies Actions;
