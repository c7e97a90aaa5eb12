import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { DomainError } from '$lib/server/errors';
import { requestContext, requireUser } from '$lib/server/http/context';
import { failFromError, messageForError } from '$lib/server/app/errors';
import { readForm } from '$lib/server/http/form';
import { localInputValue } from '$lib/server/meetings/schemas';
import { fieldOf, peopleFor } from '$lib/server/ir/form-data';
import { eventFormSchema } from '$lib/server/ir/schemas';
import { listSchedulableStartups, scheduleEvent } from '$lib/server/ir/service';

export const load = (async (event) => {
	const user = requireUser(event);
	const db = getDb();
	const startups = await listSchedulableStartups(db, user);
	const startup = startups.find((s) => s.id === event.url.searchParams.get('org')) ?? startups[0];
	if (!startup) return { startups, startup: null, members: [], moderators: [], min: '' };
	const people = await peopleFor(db, startup.id);
	return {
		startups,
		startup,
		members: people.members.filter((p) => p.id !== user.id),
		moderators: people.moderators,
		defaultModerator: people.moderators.some((p) => p.id === user.id) ? user.id : people.moderators[0]?.id,
		min: localInputValue(new Date(), event.locals.timeZone)
	};
}) satisfies PageServerLoad;

export const actions = {
	default: async (event) => {
		const user = requireUser(event);
		const form = await readForm(event.request, eventFormSchema(event.locals.timeZone));
		// The ticked co-presenters, to tick them again when the form comes back with an error.
		const presenters = form.form.getAll('presenters').map(String);
		if (!form.ok) return fail(400, { errors: form.errors, values: form.values, presenters });
		let id: string;
		try {
			if (!form.data.orgId) throw new DomainError('validation_failed', 400);
			id = (await scheduleEvent(getDb(), user, form.data.orgId, form.data.event, form.data.deck, requestContext(event)))
				.id;
		} catch (error) {
			const field = error instanceof DomainError ? fieldOf(error.code) : null;
			if (field && error instanceof DomainError)
				return fail(error.status, { errors: { [field]: messageForError(error) }, values: form.values, presenters });
			return failFromError(error, { values: form.values, presenters });
		}
		redirect(303, `/ir/${id}?scheduled`);
	}
} satisfies Actions;
