import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import * as m from '$lib/paraglide/messages';
import { getDb } from '$lib/server/runtime';
import { verifyRecoveryCodeSignIn, verifyTotpSignIn } from '$lib/server/auth/two-factor';
import { createChallenge, verifyPasskeySecondStep } from '$lib/server/auth/passkeys';
import { secondFactorsOf } from '$lib/server/auth/second-factors';
import { passkeySignInSchema, recoveryCodeSchema, totpCodeSchema } from '$lib/server/auth/two-factor-schemas';
import { base64FromBytes, bytesFromBase64 } from '$lib/server/auth/base64';
import { relyingParty } from '$lib/server/auth/webauthn';
import { safeRedirect } from '$lib/server/auth/redirect';
import { RateLimitedError } from '$lib/server/errors';
import { readForm } from '$lib/server/http/form';
import { failFromError } from '$lib/server/app/errors';
import { requestContext } from '$lib/server/http/context';

/** The sign-in that owes its second step; without one there is nothing to do here. */
function pendingSignIn(event: RequestEvent) {
	const pending = event.locals.pendingSignIn;
	if (!pending) redirect(303, event.locals.user ? '/' : '/login');
	return pending;
}

function failStep(event: RequestEvent, error: unknown, form: 'totp' | 'recovery' | 'passkey') {
	if (error instanceof RateLimitedError) event.setHeaders({ 'retry-after': String(error.retryAfterSeconds) });
	return failFromError(error, { form });
}

export const load = (async (event) => {
	const { user } = pendingSignIn(event);
	// The step offers what the user has: a code from the app (and recovery codes), a passkey, or both.
	const factors = await secondFactorsOf(getDb(), user.id);
	return {
		next: safeRedirect(event.url.searchParams.get('next'), event.url.origin, ''),
		totp: factors.totp,
		passkey: factors.passkey
	};
}) satisfies PageServerLoad;

export const actions = {
	totp: async (event) => {
		const { session, user } = pendingSignIn(event);
		const form = await readForm(event.request, totpCodeSchema);
		if (!form.ok) return fail(400, { form: 'totp' as const, errors: form.errors });
		try {
			await verifyTotpSignIn(getDb(), {
				userId: user.id,
				sessionId: session.id,
				code: form.data.code,
				context: requestContext(event)
			});
		} catch (error) {
			return failStep(event, error, 'totp');
		}
		redirect(303, safeRedirect(form.data.next, event.url.origin));
	},
	recovery: async (event) => {
		const { session, user } = pendingSignIn(event);
		const form = await readForm(event.request, recoveryCodeSchema);
		if (!form.ok) return fail(400, { form: 'recovery' as const, errors: form.errors });
		try {
			const context = requestContext(event);
			await verifyRecoveryCodeSignIn(
				getDb(),
				{ userId: user.id, sessionId: session.id, code: form.data.recoveryCode, context },
				context.ip
			);
		} catch (error) {
			return failStep(event, error, 'recovery');
		}
		redirect(303, safeRedirect(form.data.next, event.url.origin));
	},
	/** A challenge for this user's passkeys (posted by the page's script). */
	passkeyOptions: async (event) => {
		const { user } = pendingSignIn(event);
		const challenge = await createChallenge(getDb(), 'sign_in', user.id);
		return { challenge: base64FromBytes(challenge), rpId: relyingParty(event.url.origin).rpId };
	},
	passkey: async (event) => {
		const { session, user } = pendingSignIn(event);
		const form = await readForm(event.request, passkeySignInSchema);
		if (!form.ok) return fail(400, { form: 'passkey' as const, message: m.security_error_passkey_invalid() });
		const credentialId = bytesFromBase64(form.data.credentialId);
		const authenticatorData = bytesFromBase64(form.data.authenticatorData);
		const clientDataJSON = bytesFromBase64(form.data.clientDataJSON);
		const signature = bytesFromBase64(form.data.signature);
		if (!credentialId || !authenticatorData || !clientDataJSON || !signature)
			return fail(400, { form: 'passkey' as const, message: m.security_error_passkey_invalid() });
		try {
			await verifyPasskeySecondStep(
				getDb(),
				{ userId: user.id, sessionId: session.id, credentialId, authenticatorData, clientDataJSON, signature },
				relyingParty(event.url.origin),
				requestContext(event)
			);
		} catch (error) {
			return failStep(event, error, 'passkey');
		}
		redirect(303, safeRedirect(form.data.next, event.url.origin));
	}
} satisfies Actions;
