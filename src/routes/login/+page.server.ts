import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { signIn } from '$lib/server/auth/service';
import { signInSchema } from '$lib/server/auth/schemas';
import { safeRedirect } from '$lib/server/auth/redirect';
import { setSessionCookie } from '$lib/server/auth/session';
import { RateLimitedError } from '$lib/server/errors';
import { readForm } from '$lib/server/http/form';
import { failFromError } from '$lib/server/app/errors';
import { isSecure, requestContext } from '$lib/server/http/context';
import { applyVisitChoice } from '$lib/server/users/visit-language';

/** The second step of a sign-in, carrying `next` along. */
function twoFactorStep(next: string) {
	return next ? `/login/two-factor?next=${encodeURIComponent(next)}` : '/login/two-factor';
}

export const load = (({ locals, url }) => {
	if (locals.user) redirect(303, safeRedirect(url.searchParams.get('next'), url.origin));
	if (locals.pendingSignIn) redirect(303, twoFactorStep(safeRedirect(url.searchParams.get('next'), url.origin, '')));
	return { next: safeRedirect(url.searchParams.get('next'), url.origin, '') };
}) satisfies PageServerLoad;

export const actions = {
	default: async (event) => {
		const form = await readForm(event.request, signInSchema);
		if (!form.ok) return fail(400, { errors: form.errors, values: form.values });
		let needsSecondStep = false;
		try {
			const { token, session, user, ...result } = await signIn(getDb(), form.data, requestContext(event));
			setSessionCookie(event.cookies, token, session.expiresAt, isSecure(event));
			await applyVisitChoice(getDb(), event.cookies, user, isSecure(event));
			needsSecondStep = result.needsSecondStep;
		} catch (error) {
			if (error instanceof RateLimitedError) event.setHeaders({ 'retry-after': String(error.retryAfterSeconds) });
			return failFromError(error, { values: form.values });
		}
		if (needsSecondStep) redirect(303, twoFactorStep(safeRedirect(form.data.next, event.url.origin, '')));
		redirect(303, safeRedirect(form.data.next, event.url.origin));
	}
} satisfies Actions;
