// Passkey sign-in: `options` hands out a one-time challenge, `verify` checks the signed answer and
// starts a session that has passed two factors. Both are form actions posted by the login page's script.
import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import * as m from '$lib/paraglide/messages';
import { getDb } from '$lib/server/runtime';
import { createChallenge, signInWithPasskey } from '$lib/server/auth/passkeys';
import { passkeySignInSchema } from '$lib/server/auth/two-factor-schemas';
import { base64FromBytes, bytesFromBase64 } from '$lib/server/auth/base64';
import { relyingParty } from '$lib/server/auth/webauthn';
import { safeRedirect } from '$lib/server/auth/redirect';
import { setSessionCookie } from '$lib/server/auth/session';
import { RateLimitedError } from '$lib/server/errors';
import { readForm } from '$lib/server/http/form';
import { failFromError } from '$lib/server/app/errors';
import { isSecure, requestContext } from '$lib/server/http/context';
import { applyVisitChoice } from '$lib/server/users/visit-language';

export const load = (() => redirect(303, '/login')) satisfies PageServerLoad;

export const actions = {
	options: async (event) => {
		const challenge = await createChallenge(getDb(), 'sign_in', null);
		return { challenge: base64FromBytes(challenge), rpId: relyingParty(event.url.origin).rpId };
	},
	verify: async (event) => {
		const form = await readForm(event.request, passkeySignInSchema);
		if (!form.ok) return fail(400, { message: m.security_error_passkey_invalid() });
		const fields = {
			credentialId: bytesFromBase64(form.data.credentialId),
			authenticatorData: bytesFromBase64(form.data.authenticatorData),
			clientDataJSON: bytesFromBase64(form.data.clientDataJSON),
			signature: bytesFromBase64(form.data.signature)
		};
		const { credentialId, authenticatorData, clientDataJSON, signature } = fields;
		if (!credentialId || !authenticatorData || !clientDataJSON || !signature)
			return fail(400, { message: m.security_error_passkey_invalid() });
		try {
			const { token, session, user } = await signInWithPasskey(
				getDb(),
				{ credentialId, authenticatorData, clientDataJSON, signature },
				relyingParty(event.url.origin),
				requestContext(event)
			);
			setSessionCookie(event.cookies, token, session.expiresAt, isSecure(event));
			await applyVisitChoice(getDb(), event.cookies, user, isSecure(event));
		} catch (error) {
			if (error instanceof RateLimitedError) event.setHeaders({ 'retry-after': String(error.retryAfterSeconds) });
			return failFromError(error);
		}
		redirect(303, safeRedirect(form.data.next, event.url.origin));
	}
} satisfies Actions;
