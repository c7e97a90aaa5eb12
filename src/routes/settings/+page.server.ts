import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { cookieName } from '$lib/paraglide/runtime';
import { getDb } from '$lib/server/runtime';
import { updateProfile } from '$lib/server/auth/service';
import { profileSchema } from '$lib/server/auth/schemas';
import { readForm } from '$lib/server/http/form';
import { listingSchema } from '$lib/server/directory/profile-schemas';
import { findListing } from '$lib/server/directory/profile-repository';
import { updateListing } from '$lib/server/directory/profile-service';
import { isSecure, requestContext, requireUser } from '$lib/server/http/context';
import { recordListingChoice } from '$lib/server/privacy/consent-service';

// The account profile and the directory listing are one form, saved together.
const settingsSchema = profileSchema.extend(listingSchema.shape);

export const load = (async (event) => {
	const user = requireUser(event);
	const listing = await findListing(getDb(), user.id);
	return {
		profile: { name: user.name, email: user.email, locale: user.locale, timeZone: user.timeZone },
		listing: {
			title: listing?.title ?? '',
			expertise: listing?.expertise ?? '',
			directoryListed: listing?.directory_listed ?? false
		}
	};
}) satisfies PageServerLoad;

export const actions = {
	default: async (event) => {
		const user = requireUser(event);
		const form = await readForm(event.request, settingsSchema);
		if (!form.ok) return fail(400, { errors: form.errors, values: form.values });
		await getDb()
			.transaction()
			.execute(async (trx) => {
				await updateProfile(trx, user.id, form.data);
				await updateListing(trx, user.id, form.data);
				await recordListingChoice(trx, user.id, form.data.directoryListed, requestContext(event).ip);
			});
		event.cookies.set(cookieName, form.data.locale, {
			path: '/',
			httpOnly: false,
			sameSite: 'lax',
			maxAge: 34560000,
			secure: isSecure(event)
		});
		return { saved: true };
	}
} satisfies Actions;
