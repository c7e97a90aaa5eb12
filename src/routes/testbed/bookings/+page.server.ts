import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { requireUser } from '$lib/server/http/context';
import { listMyBookings } from '$lib/server/testbed/lists';
import { bookingRow } from '$lib/server/testbed/booking-row';

export const load = (async (event) => {
	const user = requireUser(event);
	const bookings = await listMyBookings(getDb(), user.id);
	return { bookings: bookings.map(bookingRow) };
}) satisfies PageServerLoad;
