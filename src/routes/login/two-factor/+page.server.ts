import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { verifyRecoveryCodeSignIn, verifyTotpSignIn } from '$lib/server/auth/two-factor';
import { recoveryCodeSchema, totpCodeSchema } from '$lib/server/auth/two-factor-schemas';
import { safeRedirect } from '$lib/server/auth/redirect';
import { RateLimitedError } from '$lib/server/errors';
import { readForm } from '$lib/server/http/form';
import { failFromError } from '$lib/server/http/errors';
import { requestContext } from '$lib/server/http/context';

/** The sign-in that owes its second step; without one there is nothing to do here. */
function pendingSignIn(event: RequestEvent) {
	const pending = event.locals.pendingSignIn;
	if (!pending) redirect(303, event.locals.user ? '/' : '/login');
	return pending;
}

export const load = ((event) => {
	pendingSignIn(event);
	return { next: safeRedirect(event.url.searchParams.get('next'), event.url.origin, '') };
}) satisfies PageServerLoad;

export const actions = {
	totp: async (event) => {
		const { session, user } = pendingSignIn(event);
		const form = await readForm(event.request, totpCodeSchema);
		if (!form.ok) return fail(400, { form: 'totp' as const, errors: form.errors });
		try {
			await verifyTotpSignIn(getDb(), { userId: user.id, sessionId: session.id, code: form.data.code });
		} catch (error) {
			if (error instanceof RateLimitedError) event.setHeaders({ 'retry-after': String(error.retryAfterSeconds) });
			return failFromError(error, { form: 'totp' as const });
		}
		redirect(303, safeRedirect(form.data.next, event.url.origin));
	},
	recovery: async (event) => {
		const { session, user } = pendingSignIn(event);
		const form = await readForm(event.request, recoveryCodeSchema);
		if (!form.ok) return fail(400, { form: 'recovery' as const, errors: form.errors });
		try {
			await verifyRecoveryCodeSignIn(getDb(), { userId: user.id, sessionId: session.id, code: form.data.recoveryCode }, requestContext(event).ip);
		} catch (error) {
			if (error instanceof RateLimitedError) event.setHeaders({ 'retry-after': String(error.retryAfterSeconds) });
			return failFromError(error, { form: 'recovery' as const });
		}
		redirect(303, safeRedirect(form.data.next, event.url.origin));
	}
} satisfies Actions;
