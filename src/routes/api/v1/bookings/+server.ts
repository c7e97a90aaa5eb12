import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/runtime';
import { invalidInput } from '$lib/server/api/handler';
import { authenticated } from '$lib/server/app/api';
import { requestContext } from '$lib/server/http/context';
import { createBooking } from '$lib/server/testbed/booking-create';
import { newBookingBody } from '$lib/server/testbed/schemas';
import { bookingJson } from '$lib/server/testbed/api-shapes';
import { readJson } from '$lib/server/common/read-json';

export const POST: RequestHandler = authenticated(async (event, user) => {
	const body = newBookingBody.safeParse(await readJson(event.request));
	if (!body.success) return invalidInput(body.error.issues);
	const booking = await createBooking(getDb(), user, body.data, requestContext(event));
	return json(bookingJson(booking), { status: 201, headers: { location: `/api/v1/bookings/${booking.id}` } });
});
