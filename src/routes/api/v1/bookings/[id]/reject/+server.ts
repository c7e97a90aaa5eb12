import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/runtime';
import { invalidInput } from '$lib/server/api/handler';
import { authenticated } from '$lib/server/app/api';
import { requestContext } from '$lib/server/http/context';
import { NotFoundError } from '$lib/server/errors';
import { rejectBooking } from '$lib/server/testbed/booking-transitions';
import { idParam, rejectBody } from '$lib/server/testbed/schemas';
import { bookingJson } from '$lib/server/testbed/api-shapes';
import { readJson } from '$lib/server/common/read-json';

export const POST: RequestHandler = authenticated(async (event, user) => {
	const id = idParam.safeParse(event.params.id);
	if (!id.success) throw new NotFoundError();
	const body = rejectBody.safeParse(await readJson(event.request));
	if (!body.success) return invalidInput(body.error.issues);
	return json(bookingJson(await rejectBooking(getDb(), user, id.data, body.data.reason, requestContext(event))));
});
