import { error } from '@sveltejs/kit';
import * as m from '$lib/paraglide/messages';
import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { requireUser } from '$lib/server/http/context';
import { listManagerQueue } from '$lib/server/testbed/lists';
import { bookingRow } from '$lib/server/testbed/booking-row';

export const load = (async (event) => {
	const user = requireUser(event);
	const queue = await listManagerQueue(getDb(), user, new Date());
	if (!queue.facilityIds.length) error(403, m.testbed_error_not_facility_manager());
	const facilities = await getDb().selectFrom('facilities').select(['slug', 'name_ko', 'name_en']).where('id', 'in', queue.facilityIds).orderBy('slug').execute();
	return { pending: queue.pending.map(bookingRow), upcoming: queue.upcoming.map(bookingRow), facilities };
}) satisfies PageServerLoad;
