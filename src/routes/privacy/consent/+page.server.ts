import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { readForm } from '$lib/server/http/form';
import { requestContext, requireUser } from '$lib/server/http/context';
import { safeRedirect } from '$lib/server/auth/redirect';
import {
	findCurrentConsents,
	findCurrentNoticeVersion,
	hasCurrentRequiredConsent
} from '$lib/server/privacy/consent-repository';
import { reconsent } from '$lib/server/privacy/consent-service';
import { reconsentSchema, toChoices } from '$lib/server/privacy/schemas';

export const load = (async (event) => {
	const user = requireUser(event);
	const db = getDb();
	const consents = await findCurrentConsents(db, user.id);
	return {
		version: await findCurrentNoticeVersion(db),
		agreed: await hasCurrentRequiredConsent(db, user.id),
		marketing: consents.get('marketing_email')?.granted ?? false,
		listing: consents.get('profile_listing')?.granted ?? false,
		next: safeRedirect(event.url.searchParams.get('next'), event.url.origin, '/')
	};
}) satisfies PageServerLoad;

export const actions = {
	default: async (event) => {
		const user = requireUser(event);
		const form = await readForm(event.request, reconsentSchema);
		if (!form.ok) return fail(400, { errors: form.errors, values: form.values });
		await reconsent(getDb(), user.id, toChoices(form.data), requestContext(event).ip);
		redirect(303, safeRedirect(form.data.next, event.url.origin, '/'));
	}
} satisfies Actions;
