import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { changePassword, signOutEverywhere } from '$lib/server/auth/service';
import { passwordChangeSchema, signOutEverywhereSchema } from '$lib/server/auth/schemas';
import { listApiTokens } from '$lib/server/auth/api-token';
import { deleteSessionCookie, setSessionCookie } from '$lib/server/auth/session';
import { RateLimitedError } from '$lib/server/errors';
import { readForm } from '$lib/server/http/form';
import { failFromError } from '$lib/server/http/errors';
import { isSecure, requestContext, requireUser } from '$lib/server/http/context';

export const load = (async (event) => {
	const user = requireUser(event);
	const sessions = await getDb()
		.selectFrom('sessions')
		.select(['id', 'created_at', 'expires_at', 'ip', 'user_agent'])
		.where('user_id', '=', user.id)
		.orderBy('created_at', 'desc')
		.execute();
	// The "also revoke API tokens" boxes are offered only to someone who has tokens.
	const apiTokenCount = (await listApiTokens(getDb(), user.id)).length;
	return { sessions: sessions.map((s) => ({ ...s, current: s.id === event.locals.session?.id })), apiTokenCount };
}) satisfies PageServerLoad;

export const actions = {
	password: async (event) => {
		const user = requireUser(event);
		const form = await readForm(event.request, passwordChangeSchema);
		if (!form.ok) return fail(400, { form: 'password', errors: form.errors });
		try {
			const { token, session } = await changePassword(getDb(), user.id, form.data, requestContext(event));
			setSessionCookie(event.cookies, token, session.expiresAt, isSecure(event));
		} catch (error) {
			if (error instanceof RateLimitedError) event.setHeaders({ 'retry-after': String(error.retryAfterSeconds) });
			return failFromError(error, { form: 'password' });
		}
		return { form: 'password', saved: true, apiTokensRevoked: form.data.revokeApiTokens };
	},
	signOutEverywhere: async (event) => {
		const user = requireUser(event);
		const form = await readForm(event.request, signOutEverywhereSchema);
		await signOutEverywhere(getDb(), user.id, { revokeApiTokens: form.ok && form.data.revokeApiTokens }, requestContext(event).ip);
		deleteSessionCookie(event.cookies, isSecure(event));
		redirect(303, '/login');
	}
} satisfies Actions;
