import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import * as m from '$lib/paraglide/messages';
import { getDb } from '$lib/server/runtime';
import { changePassword, signOutEverywhere } from '$lib/server/auth/service';
import { passwordChangeSchema, signOutEverywhereSchema } from '$lib/server/auth/schemas';
import {
	enableTotpSchema,
	passkeyIdSchema,
	passkeyRegistrationSchema,
	totpCodeSchema
} from '$lib/server/auth/two-factor-schemas';
import { listApiTokens } from '$lib/server/auth/api-token';
import { deleteSessionCookie, setSessionCookie } from '$lib/server/auth/session';
import { disableTotp, enableTotp, regenerateRecoveryCodes } from '$lib/server/auth/two-factor';
import { countUnusedRecoveryCodes } from '$lib/server/auth/recovery-codes';
import { createChallenge, listPasskeys, registerPasskey, removePasskey } from '$lib/server/auth/passkeys';
import { base64FromBytes, bytesFromBase64 } from '$lib/server/auth/base64';
import { relyingParty } from '$lib/server/auth/webauthn';
import { describeDevice } from '$lib/server/auth/device';
import { RateLimitedError } from '$lib/server/errors';
import { readForm } from '$lib/server/http/form';
import { failFromError } from '$lib/server/app/errors';
import { isSecure, requestContext, requireUser } from '$lib/server/http/context';
import { totpEnrolment } from './enrolment';

export const load = (async (event) => {
	const user = requireUser(event);
	const db = getDb();
	const [sessions, tokens, account, passkeys] = await Promise.all([
		db
			.selectFrom('sessions')
			.select(['id', 'created_at', 'last_used_at', 'ip', 'user_agent', 'two_factor_verified'])
			.where('user_id', '=', user.id)
			.orderBy('last_used_at', 'desc')
			.execute(),
		listApiTokens(db, user.id),
		db.selectFrom('users').select('totp_enabled_at').where('id', '=', user.id).executeTakeFirstOrThrow(),
		listPasskeys(db, user.id)
	]);
	const totpEnabled = account.totp_enabled_at !== null;
	return {
		sessions: sessions.map(({ user_agent, ...s }) => ({
			...s,
			device: describeDevice(user_agent),
			current: s.id === event.locals.session?.id
		})),
		// The "also revoke API tokens" boxes are offered only to someone who has tokens.
		apiTokenCount: tokens.length,
		totpEnabled,
		recoveryCodesLeft: totpEnabled ? await countUnusedRecoveryCodes(db, user.id) : 0,
		// A new key on each load until one is confirmed: nothing is stored before then.
		enrolment: totpEnabled ? null : totpEnrolment(user.email),
		passkeys: passkeys.map((p) => ({
			id: base64FromBytes(p.id),
			name: p.name,
			created_at: p.created_at,
			last_used_at: p.last_used_at
		})),
		required: event.url.searchParams.get('required') === '1' && !event.locals.session?.twoFactorVerified
	};
}) satisfies PageServerLoad;

/** A domain error as a form failure; a 429 also says when to try again. */
function failCode(event: RequestEvent, error: unknown, extra: Record<string, unknown>) {
	if (error instanceof RateLimitedError) event.setHeaders({ 'retry-after': String(error.retryAfterSeconds) });
	return failFromError(error, extra);
}

export const actions = {
	password: async (event) => {
		const user = requireUser(event);
		const form = await readForm(event.request, passwordChangeSchema);
		if (!form.ok) return fail(400, { form: 'password', errors: form.errors });
		try {
			const context = { ...requestContext(event), twoFactorVerified: event.locals.session?.twoFactorVerified ?? false };
			const { token, session } = await changePassword(getDb(), user.id, form.data, context);
			setSessionCookie(event.cookies, token, session.expiresAt, isSecure(event));
		} catch (error) {
			return failCode(event, error, { form: 'password' });
		}
		return { form: 'password', saved: true, apiTokensRevoked: form.data.revokeApiTokens };
	},
	signOutEverywhere: async (event) => {
		const user = requireUser(event);
		const form = await readForm(event.request, signOutEverywhereSchema);
		await signOutEverywhere(
			getDb(),
			user.id,
			{ revokeApiTokens: form.ok && form.data.revokeApiTokens },
			requestContext(event).ip
		);
		deleteSessionCookie(event.cookies, isSecure(event));
		redirect(303, '/login');
	},
	enableTotp: async (event) => {
		const user = requireUser(event);
		const form = await readForm(event.request, enableTotpSchema);
		// The same key again, so the app the person just set up stays valid.
		const enrolment = totpEnrolment(user.email, form.values.key);
		if (!form.ok) return fail(400, { form: 'enableTotp', errors: form.errors, enrolment });
		try {
			const recoveryCodes = await enableTotp(
				getDb(),
				{ userId: user.id, sessionId: event.locals.session?.id ?? null, key: form.data.key, code: form.data.code },
				requestContext(event).ip
			);
			return { form: 'enableTotp', saved: true, recoveryCodes };
		} catch (error) {
			return failCode(event, error, { form: 'enableTotp', enrolment });
		}
	},
	disableTotp: async (event) => {
		const user = requireUser(event);
		const form = await readForm(event.request, totpCodeSchema);
		if (!form.ok) return fail(400, { form: 'manageTotp', errors: form.errors });
		try {
			await disableTotp(getDb(), { userId: user.id, code: form.data.code }, requestContext(event).ip);
		} catch (error) {
			return failCode(event, error, { form: 'manageTotp' });
		}
		return { form: 'manageTotp', disabled: true };
	},
	regenerateRecoveryCodes: async (event) => {
		const user = requireUser(event);
		const form = await readForm(event.request, totpCodeSchema);
		if (!form.ok) return fail(400, { form: 'manageTotp', errors: form.errors });
		try {
			const recoveryCodes = await regenerateRecoveryCodes(
				getDb(),
				{ userId: user.id, code: form.data.code },
				requestContext(event).ip
			);
			return { form: 'manageTotp', regenerated: true, recoveryCodes };
		} catch (error) {
			return failCode(event, error, { form: 'manageTotp' });
		}
	},
	passkeyOptions: async (event) => {
		const user = requireUser(event);
		const db = getDb();
		const challenge = await createChallenge(db, 'register', user.id);
		const existing = await listPasskeys(db, user.id);
		return {
			challenge: base64FromBytes(challenge),
			rpId: relyingParty(event.url.origin).rpId,
			rpName: m.app_name(),
			userId: base64FromBytes(new TextEncoder().encode(user.id)),
			userName: user.email,
			userDisplayName: user.name,
			exclude: existing.map((p) => base64FromBytes(p.id))
		};
	},
	addPasskey: async (event) => {
		const user = requireUser(event);
		const form = await readForm(event.request, passkeyRegistrationSchema);
		if (!form.ok)
			return fail(400, { form: 'passkey', errors: form.errors, message: m.security_error_passkey_invalid() });
		const attestationObject = bytesFromBase64(form.data.attestationObject);
		const clientDataJSON = bytesFromBase64(form.data.clientDataJSON);
		if (!attestationObject || !clientDataJSON)
			return fail(400, { form: 'passkey', message: m.security_error_passkey_invalid() });
		try {
			await registerPasskey(
				getDb(),
				user.id,
				{ name: form.data.name, attestationObject, clientDataJSON, sessionId: event.locals.session?.id ?? null },
				relyingParty(event.url.origin),
				requestContext(event).ip
			);
		} catch (error) {
			return failFromError(error, { form: 'passkey' });
		}
		return { form: 'passkey', added: true };
	},
	removePasskey: async (event) => {
		const user = requireUser(event);
		const form = await readForm(event.request, passkeyIdSchema);
		const id = form.ok ? bytesFromBase64(form.data.id) : null;
		if (!id) return fail(400, { form: 'passkeys', message: m.error_validation_failed() });
		try {
			await removePasskey(getDb(), user.id, id, requestContext(event).ip);
		} catch (error) {
			return failFromError(error, { form: 'passkeys' });
		}
		return { form: 'passkeys', removed: true };
	}
} satisfies Actions;
