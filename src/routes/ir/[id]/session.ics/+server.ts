import type { RequestHandler } from './$types';
import { error } from '@sveltejs/kit';
import * as m from '$lib/paraglide/messages';
import { getDb } from '$lib/server/runtime';
import { DomainError } from '$lib/server/errors';
import { calendarResponse } from '$lib/server/calendar/ics';
import { eventCalendar } from '$lib/server/ir/ics';
import { findTeaserEvent } from '$lib/server/ir/registration';
import { idParam } from '$lib/server/ir/schemas';

// The title and time of a session are what its teaser shows, so whoever sees the teaser gets the file.
export const GET: RequestHandler = async (event) => {
	const id = idParam.safeParse(event.params.id);
	if (!id.success) error(404, m.error_not_found());
	const db = getDb();
	const row = await findTeaserEvent(db, event.locals.user, id.data).catch((failure) => {
		if (failure instanceof DomainError) error(404, m.error_not_found());
		throw failure;
	});
	const org = await db
		.selectFrom('organizations')
		.select(['name_ko', 'name_en'])
		.where('id', '=', row.org_id)
		.executeTakeFirstOrThrow();
	return calendarResponse(
		eventCalendar(row, { ko: org.name_ko, en: org.name_en }, event.url.origin),
		`ir-session-${row.id}.ics`
	);
};
