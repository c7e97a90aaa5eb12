import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { text } from '$lib/server/http/text';
import type { Actions, PageServerLoad } from './$types';
import { cookieName } from '$lib/paraglide/runtime';
import { getDb } from '$lib/server/runtime';
import { updateUser } from '$lib/server/users/repository';
import { locale } from '$lib/server/auth/schemas';
import { safeRedirect } from '$lib/server/auth/redirect';
import { readForm } from '$lib/server/http/form';
import { isSecure } from '$lib/server/http/context';
import { rememberVisitChoice } from '$lib/server/users/visit-language';

const schema = z.object({ locale, redirect: text().max(500).optional() });

export const load = (() => redirect(303, '/')) satisfies PageServerLoad;

export const actions = {
	default: async (event) => {
		const form = await readForm(event.request, schema);
		const target = safeRedirect(form.ok ? form.data.redirect : undefined, event.url.origin);
		if (!form.ok) redirect(303, target);
		event.cookies.set(cookieName, form.data.locale, {
			path: '/',
			httpOnly: false,
			sameSite: 'lax',
			maxAge: 34560000,
			secure: isSecure(event)
		});
		rememberVisitChoice(event.cookies, form.data.locale, isSecure(event));
		if (event.locals.user) await updateUser(getDb(), event.locals.user.id, { locale: form.data.locale });
		redirect(303, target);
	}
} satisfies Actions;
