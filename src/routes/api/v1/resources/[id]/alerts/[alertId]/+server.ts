import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/runtime';
import { authenticated } from '$lib/server/app/api';
import { requestContext } from '$lib/server/http/context';
import { NotFoundError } from '$lib/server/errors';
import { cancelAlert } from '$lib/server/testbed/availability-alerts';
import { alertJson } from '$lib/server/testbed/availability-alerts-schemas';
import { idParam } from '$lib/server/testbed/schemas';

export const DELETE: RequestHandler = authenticated(async (event, user) => {
	const resourceId = idParam.safeParse(event.params.id);
	const alertId = idParam.safeParse(event.params.alertId);
	if (!resourceId.success || !alertId.success) throw new NotFoundError();
	// The path names the resource too: an alert reached through another resource does not exist.
	const alert = await cancelAlert(getDb(), user, alertId.data, requestContext(event), new Date(), resourceId.data);
	return json(alertJson(alert));
});
