import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import * as m from '$lib/paraglide/messages';
import { getDb } from '$lib/server/runtime';
import { recordAudit } from '$lib/server/audit/repository';
import { kindsByArea, notificationKinds } from '$lib/server/app/notification-areas';
import { listPreferences, savePreferences } from '$lib/server/notify/repository';
import { readForm } from '$lib/server/http/form';
import { requestContext, requireUser } from '$lib/server/http/context';
import { preferencesSchema } from './schema';

export const load = (async (event) => {
	const user = requireUser(event);
	const saved = new Map((await listPreferences(getDb(), user.id)).map((p) => [p.kind, p]));
	return {
		areas: kindsByArea(event.locals.locale).map((group) => ({
			...group,
			kinds: group.kinds.map((k) => ({
				...k,
				inApp: saved.get(k.kind)?.in_app ?? true,
				email: saved.get(k.kind)?.email ?? true
			}))
		}))
	};
}) satisfies PageServerLoad;

export const actions = {
	default: async (event) => {
		const user = requireUser(event);
		const form = await readForm(event.request, preferencesSchema);
		if (!form.ok) return fail(400, { message: m.error_validation_failed() });
		const inApp = new Set(form.data.in_app);
		const email = new Set(form.data.email);
		const choices = notificationKinds().map((kind) => ({ kind, inApp: inApp.has(kind), email: email.has(kind) }));
		const off = choices
			.filter((c) => !c.inApp || !c.email)
			.map((c) => `${c.kind}:${c.inApp ? 'app' : ''}${c.email ? 'mail' : ''}`);
		await getDb()
			.transaction()
			.execute(async (trx) => {
				await savePreferences(trx, user.id, choices);
				await recordAudit(trx, {
					actorId: user.id,
					action: 'notification_settings.saved',
					entityType: 'user',
					entityId: user.id,
					data: { off },
					ip: requestContext(event).ip
				});
			});
		return { saved: true };
	}
} satisfies Actions;
