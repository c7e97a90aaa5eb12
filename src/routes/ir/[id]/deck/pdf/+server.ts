import type { RequestHandler } from './$types';
import { error, redirect } from '@sveltejs/kit';
import * as m from '$lib/paraglide/messages';
import { getDb } from '$lib/server/runtime';
import { DomainError, NotFoundError } from '$lib/server/errors';
import { messageForError } from '$lib/server/app/errors';
import { deckResponse } from '$lib/server/ir/deck';
import { idParam } from '$lib/server/ir/schemas';

// Registrants who accepted the current NDA, presenters, the moderator and operators; others: 404. Under an
// NDA only the session's team downloads the PDF (403 with a translated message for registrants).
export const GET: RequestHandler = async (event) => {
	const user = event.locals.user;
	if (!user) redirect(303, `/login?next=${encodeURIComponent(event.url.pathname)}`);
	const id = idParam.safeParse(event.params.id);
	if (!id.success) error(404, m.error_not_found());
	try {
		return await deckResponse(getDb(), user, id.data);
	} catch (failure) {
		if (failure instanceof NotFoundError) error(404, m.error_not_found());
		if (failure instanceof DomainError) error(failure.status, messageForError(failure));
		throw failure;
	}
};
