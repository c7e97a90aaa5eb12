import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { requireUser } from '$lib/server/http/context';
import { messageForError } from '$lib/server/app/errors';
import { DomainError } from '$lib/server/errors';
import { loadFacilityCalendar } from '$lib/server/testbed/facility-calendar';

export const load = (async (event) => {
	const user = requireUser(event);
	const query = { facility: event.url.searchParams.get('facility'), week: event.url.searchParams.get('week') };
	try {
		return await loadFacilityCalendar(getDb(), user, query, new Date());
	} catch (failure) {
		if (failure instanceof DomainError) error(failure.status, messageForError(failure));
		throw failure;
	}
}) satisfies PageServerLoad;
