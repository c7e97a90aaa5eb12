import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/runtime';
import { authenticated } from '$lib/server/app/api';
import { requestContext } from '$lib/server/http/context';
import { NotFoundError } from '$lib/server/errors';
import { markNoShow } from '$lib/server/testbed/booking-transitions';
import { idParam } from '$lib/server/testbed/schemas';
import { bookingJson } from '$lib/server/testbed/api-shapes';

export const POST: RequestHandler = authenticated(async (event, user) => {
	const id = idParam.safeParse(event.params.id);
	if (!id.success) throw new NotFoundError();
	return json(bookingJson(await markNoShow(getDb(), user, id.data, requestContext(event))));
});
