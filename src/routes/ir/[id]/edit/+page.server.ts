import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { DomainError, NotFoundError } from '$lib/server/errors';
import { requestContext, requireUser } from '$lib/server/http/context';
import { failFromError, messageForError, throwLoadError } from '$lib/server/app/errors';
import { readForm } from '$lib/server/http/form';
import { localInputValue } from '$lib/server/meetings/schemas';
import { findDeck } from '$lib/server/ir/deck';
import { NotStartupAdminError } from '$lib/server/ir/errors';
import { fieldOf, peopleFor, valuesOf } from '$lib/server/ir/form-data';
import { cancelFormSchema, eventFormSchema, idParam } from '$lib/server/ir/schemas';
import { cancelEvent, requireVisibleEvent, updateEvent } from '$lib/server/ir/service';

function eventId(raw: string): string {
	const id = idParam.safeParse(raw);
	if (!id.success) throw new NotFoundError();
	return id.data;
}

export const load = (async (event) => {
	const user = requireUser(event);
	const db = getDb();
	try {
		const { event: row, role } = await requireVisibleEvent(db, user, eventId(event.params.id));
		if (!role.manager) throw new NotStartupAdminError();
		const [people, form, deck, org] = await Promise.all([
			peopleFor(db, row.org_id),
			valuesOf(db, row, event.locals.timeZone),
			row.deck_upload_id ? findDeck(db, row.deck_upload_id) : Promise.resolve(undefined),
			db
				.selectFrom('organizations')
				.select(['name_ko', 'name_en'])
				.where('id', '=', row.org_id)
				.executeTakeFirstOrThrow()
		]);
		return {
			event: {
				id: row.id,
				title_ko: row.title_ko,
				title_en: row.title_en,
				status: row.status,
				created_by: row.created_by
			},
			org,
			members: people.members.filter((p) => p.id !== row.created_by),
			moderators: people.moderators,
			values: form.values,
			presenters: form.presenters,
			deckName: deck?.filename ?? null,
			min: localInputValue(new Date(), event.locals.timeZone)
		};
	} catch (error) {
		throwLoadError(error);
	}
}) satisfies PageServerLoad;

export const actions = {
	save: async (event) => {
		const user = requireUser(event);
		const form = await readForm(event.request, eventFormSchema(event.locals.timeZone));
		// The ticked co-presenters, to tick them again when the form comes back with an error.
		const presenters = form.form.getAll('presenters').map(String);
		if (!form.ok) return fail(400, { errors: form.errors, values: form.values, presenters });
		let id: string;
		try {
			id = eventId(event.params.id);
			await updateEvent(
				getDb(),
				user,
				id,
				{ input: form.data.event, deck: form.data.deck, removeDeck: form.data.removeDeck },
				requestContext(event)
			);
		} catch (error) {
			const field = error instanceof DomainError ? fieldOf(error.code) : null;
			if (field && error instanceof DomainError)
				return fail(error.status, { errors: { [field]: messageForError(error) }, values: form.values, presenters });
			return failFromError(error, { values: form.values, presenters });
		}
		redirect(303, `/ir/${id}?saved`);
	},
	cancel: async (event) => {
		const user = requireUser(event);
		const form = await readForm(event.request, cancelFormSchema);
		if (!form.ok) return fail(400, { cancelErrors: form.errors });
		let id: string;
		try {
			id = eventId(event.params.id);
			await cancelEvent(getDb(), user, id, form.data.reason, requestContext(event));
		} catch (error) {
			return failFromError(error);
		}
		redirect(303, `/ir/${id}`);
	}
} satisfies Actions;
