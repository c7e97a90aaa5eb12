import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { requestContext, requireUser } from '$lib/server/http/context';
import { failFromError } from '$lib/server/app/errors';
import { readForm } from '$lib/server/http/form';
import { cancelAlert, listMyAlerts } from '$lib/server/testbed/availability-alerts';
import { cancelAlertForm } from '$lib/server/testbed/availability-alerts-schemas';
import { holdLink } from '$lib/server/testbed/slot-holds';
import { findResourceById } from '$lib/server/testbed/repository';

export const load = (async (event) => {
	const user = requireUser(event);
	const db = getDb();
	const alerts = await listMyAlerts(db, user);
	return {
		alerts: await Promise.all(
			alerts.map(async (a) => ({
				id: a.id,
				status: a.status,
				start: a.starts_at.toISOString(),
				end: a.ends_at.toISOString(),
				min_minutes: a.min_minutes,
				resource_slug: a.resource_slug,
				resource_name_ko: a.resource_name_ko,
				resource_name_en: a.resource_name_en,
				hold:
					a.hold_starts_at && a.hold_ends_at && a.hold_expires_at
						? {
								start: new Date(a.hold_starts_at).toISOString(),
								end: new Date(a.hold_ends_at).toISOString(),
								expires: new Date(a.hold_expires_at).toISOString(),
								link: holdLink((await findResourceById(db, a.resource_id))!, {
									starts_at: new Date(a.hold_starts_at),
									ends_at: new Date(a.hold_ends_at)
								})
							}
						: null
			}))
		)
	};
}) satisfies PageServerLoad;

export const actions = {
	cancel: async (event) => {
		const user = requireUser(event);
		const form = await readForm(event.request, cancelAlertForm);
		if (!form.ok) return fail(400, { errors: form.errors });
		try {
			await cancelAlert(getDb(), user, form.data.alertId, requestContext(event));
			return { cancelled: true };
		} catch (error) {
			return failFromError(error);
		}
	}
} satisfies Actions;
