// The check in front of a session's exports (Q&A and poll CSVs): the session's team only; anybody
// else, and a malformed id, get the same 404.
import type { RequestEvent } from '@sveltejs/kit';
import { error } from '@sveltejs/kit';
import * as m from '$lib/paraglide/messages';
import type { Executor } from '../db';
import { DomainError } from '../errors';
import { requireUser } from '../http/context';
import { requireEventTeam } from './analytics';
import { idParam } from './schemas';

export async function requireTeamExport(event: RequestEvent, db: Executor) {
	const user = requireUser(event);
	const id = idParam.safeParse(event.params.id);
	if (!id.success) error(404, m.error_not_found());
	await requireEventTeam(db, user, id.data).catch((failure) => {
		if (failure instanceof DomainError) error(404, m.error_not_found());
		throw failure;
	});
	return { user, eventId: id.data };
}
