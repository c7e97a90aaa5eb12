import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import { text } from '$lib/server/http/text';
import type { Actions, PageServerLoad } from './$types';
import * as m from '$lib/paraglide/messages';
import { getDb } from '$lib/server/runtime';
import { issueApiToken, listApiTokens, revokeApiToken } from '$lib/server/auth/api-token';
import { apiTokenSchema } from '$lib/server/auth/schemas';
import { readForm } from '$lib/server/http/form';
import { failFromError } from '$lib/server/app/errors';
import { requireUser } from '$lib/server/http/context';

const revokeSchema = z.object({ id: text().regex(/^mct_[a-z0-9]{8,64}$/) });

export const load = (async (event) => {
	const user = requireUser(event);
	return { tokens: await listApiTokens(getDb(), user.id) };
}) satisfies PageServerLoad;

export const actions = {
	create: async (event) => {
		const user = requireUser(event);
		const form = await readForm(event.request, apiTokenSchema);
		if (!form.ok) return fail(400, { errors: form.errors, values: form.values });
		let token: string;
		try {
			({ token } = await issueApiToken(getDb(), user.id, form.data.name));
		} catch (error) {
			return failFromError(error, { values: form.values });
		}
		return { created: { name: form.data.name, token } };
	},
	revoke: async (event) => {
		const user = requireUser(event);
		const form = await readForm(event.request, revokeSchema);
		if (!form.ok || !(await revokeApiToken(getDb(), user.id, form.data.id))) {
			return fail(404, { message: m.settings_token_not_found() });
		}
		return { revoked: true };
	}
} satisfies Actions;
