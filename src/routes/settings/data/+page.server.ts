import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { readForm } from '$lib/server/http/form';
import { failFromError } from '$lib/server/app/errors';
import { isSecure, requestContext, requireUser } from '$lib/server/http/context';
import { deleteSessionCookie } from '$lib/server/auth/session';
import { findCurrentConsents, findCurrentNoticeVersion, listConsentHistory } from '$lib/server/privacy/consent-repository';
import { updateOptionalConsents } from '$lib/server/privacy/consent-service';
import { deleteAccount, findSoleOwnerships } from '$lib/server/privacy/deletion';
import { deleteAccountSchema, optionalConsentsSchema, toChoices } from '$lib/server/privacy/schemas';

export const load = (async (event) => {
	const user = requireUser(event);
	const db = getDb();
	const consents = await findCurrentConsents(db, user.id);
	return {
		version: await findCurrentNoticeVersion(db),
		marketing: consents.get('marketing_email')?.granted ?? false,
		listing: consents.get('profile_listing')?.granted ?? false,
		history: (await listConsentHistory(db, user.id)).reverse(),
		soleOwned: await findSoleOwnerships(db, user.id)
	};
}) satisfies PageServerLoad;

export const actions = {
	consents: async (event) => {
		const user = requireUser(event);
		const form = await readForm(event.request, optionalConsentsSchema);
		if (!form.ok) return fail(400, { consents: true, errors: form.errors, values: form.values });
		await updateOptionalConsents(getDb(), user.id, toChoices(form.data), requestContext(event).ip);
		return { consents: true, saved: true, values: form.values };
	},
	delete: async (event) => {
		const user = requireUser(event);
		const form = await readForm(event.request, deleteAccountSchema);
		if (!form.ok) return fail(400, { delete: true, errors: form.errors });
		try {
			await deleteAccount(getDb(), user.id, form.data.password, requestContext(event).ip);
		} catch (error) {
			return failFromError(error, { delete: true });
		}
		deleteSessionCookie(event.cookies, isSecure(event));
		redirect(303, '/?account=deleted');
	}
} satisfies Actions;
