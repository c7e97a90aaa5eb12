import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { cookieName } from '$lib/paraglide/runtime';
import { getDb } from '$lib/server/runtime';
import { updateProfile } from '$lib/server/auth/service';
import { profileSchema } from '$lib/server/auth/schemas';
import { readForm } from '$lib/server/http/form';
import { isSecure, requireUser } from '$lib/server/http/context';

export const load = ((event) => {
	const user = requireUser(event);
	return { profile: { name: user.name, email: user.email, locale: user.locale, timeZone: user.timeZone } };
}) satisfies PageServerLoad;

export const actions = {
	default: async (event) => {
		const user = requireUser(event);
		const form = await readForm(event.request, profileSchema);
		if (!form.ok) return fail(400, { errors: form.errors, values: form.values });
		await updateProfile(getDb(), user.id, form.data);
		event.cookies.set(cookieName, form.data.locale, { path: '/', httpOnly: false, sameSite: 'lax', maxAge: 34560000, secure: isSecure(event) });
		return { saved: true };
	}
} satisfies Actions;
