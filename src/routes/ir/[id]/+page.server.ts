import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import * as m from '$lib/paraglide/messages';
import { getDb } from '$lib/server/runtime';
import { NotFoundError } from '$lib/server/errors';
import { requestContext, requireUser } from '$lib/server/http/context';
import { failFromError, throwLoadError } from '$lib/server/app/errors';
import { readForm } from '$lib/server/http/form';
import { readEventPage } from '$lib/server/ir/detail';
import { cancelRegistration, registerForEvent } from '$lib/server/ir/registration';
import { idParam, registerFormSchema } from '$lib/server/ir/schemas';
import { hasReplayFor } from '$lib/server/ir/recording/replay';

function eventId(raw: string): string {
	const id = idParam.safeParse(raw);
	if (!id.success) throw new NotFoundError();
	return id.data;
}

export const load = (async (event) => {
	try {
		const page = await readEventPage(getDb(), event.locals.user, eventId(event.params.id));
		// Issue #14: a link to the replay for those who may watch it.
		return { ...page, hasReplay: await hasReplayFor(getDb(), page.role, page.event.id) };
	} catch (error) {
		throwLoadError(error);
	}
}) satisfies PageServerLoad;

export const actions = {
	register: async (event) => {
		const user = requireUser(event);
		const form = await readForm(event.request, registerFormSchema);
		if (!form.ok) return fail(400, { errors: form.errors });
		try {
			const id = eventId(event.params.id);
			const page = await readEventPage(getDb(), user, id);
			if (page.event.nda_required && !form.data.nda_accept)
				return fail(400, { errors: { nda_accept: m.ir_error_nda_accept_required() } });
			const { created } = await registerForEvent(
				getDb(),
				user,
				id,
				page.event.nda_required ? form.data.nda_version : null,
				requestContext(event)
			);
			return { registered: true, created };
		} catch (error) {
			return failFromError(error);
		}
	},
	unregister: async (event) => {
		const user = requireUser(event);
		try {
			await cancelRegistration(getDb(), user, eventId(event.params.id), requestContext(event));
			return { unregistered: true };
		} catch (error) {
			return failFromError(error);
		}
	}
} satisfies Actions;
