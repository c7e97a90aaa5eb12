import { error, fail } from '@sveltejs/kit';
import * as m from '$lib/paraglide/messages';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { getDb } from '$lib/server/runtime';
import { requestContext, requireUser } from '$lib/server/http/context';
import { readForm } from '$lib/server/http/form';
import { listManagerQueue } from '$lib/server/testbed/lists';
import { bookingRow } from '$lib/server/testbed/booking-row';
import { decideBookings } from '$lib/server/testbed/booking-decisions';
import { bulkDecisionForm } from '$lib/server/testbed/schemas';

export const load = (async (event) => {
	const user = requireUser(event);
	const queue = await listManagerQueue(getDb(), user, new Date());
	if (!queue.facilityIds.length) error(403, m.testbed_error_not_facility_manager());
	const facilities = await getDb()
		.selectFrom('facilities')
		.select(['slug', 'name_ko', 'name_en'])
		.where('id', 'in', queue.facilityIds)
		.orderBy('slug')
		.execute();
	return { pending: queue.pending.map(bookingRow), upcoming: queue.upcoming.map(bookingRow), facilities };
}) satisfies PageServerLoad;

/** One decision or many from the queue; the service checks the manager's right to each booking. */
async function decide(event: RequestEvent, decision: 'approve' | 'reject') {
	const user = requireUser(event);
	const form = await readForm(event.request, bulkDecisionForm(decision));
	if (!form.ok) return fail(400, { errors: form.errors, values: { reason: form.values.reason ?? '' } });
	const outcome = await decideBookings(getDb(), user, form.data, requestContext(event));
	return { decision, decided: outcome.decided.length, refused: outcome.refused.length };
}

export const actions = {
	approve: (event) => decide(event, 'approve'),
	reject: (event) => decide(event, 'reject')
} satisfies Actions;
