import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/runtime';
import { invalidInput } from '$lib/server/api/handler';
import { authenticated } from '$lib/server/app/api';
import { requestContext } from '$lib/server/http/context';
import { NotFoundError } from '$lib/server/errors';
import { requireBookingRole } from '$lib/server/testbed/access';
import { cancelBooking, rescheduleBooking } from '$lib/server/testbed/booking-transitions';
import { findBooking } from '$lib/server/testbed/repository';
import { cancelQuery, idParam, rescheduleBody } from '$lib/server/testbed/schemas';
import { bookingJson } from '$lib/server/testbed/api-shapes';
import { readJson } from '$lib/server/common/read-json';

function bookingId(raw: string): string {
	const id = idParam.safeParse(raw);
	if (!id.success) throw new NotFoundError();
	return id.data;
}

export const GET: RequestHandler = authenticated(async ({ params }, user) => {
	const db = getDb();
	const booking = await findBooking(db, bookingId(params.id));
	if (!booking) throw new NotFoundError();
	await requireBookingRole(db, user, booking);
	return json(bookingJson(booking));
});

export const PATCH: RequestHandler = authenticated(async (event, user) => {
	const id = bookingId(event.params.id);
	const body = rescheduleBody.safeParse(await readJson(event.request));
	if (!body.success) return invalidInput(body.error.issues);
	return json(bookingJson(await rescheduleBooking(getDb(), user, id, body.data, requestContext(event))));
});

export const DELETE: RequestHandler = authenticated(async (event, user) => {
	const id = bookingId(event.params.id);
	const query = cancelQuery.safeParse(Object.fromEntries(event.url.searchParams));
	if (!query.success) return invalidInput(query.error.issues);
	return json(bookingJson(await cancelBooking(getDb(), user, id, query.data.reason ?? null, requestContext(event))));
});
