import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/runtime';
import { invalidInput } from '$lib/server/api/handler';
import { authenticated } from '$lib/server/app/api';
import { requestContext } from '$lib/server/http/context';
import { NotFoundError } from '$lib/server/errors';
import { readJson } from '$lib/server/common/read-json';
import { createAlert, listMyAlerts } from '$lib/server/testbed/availability-alerts';
import { alertJson, newAlertBody } from '$lib/server/testbed/availability-alerts-schemas';
import { findResourceById } from '$lib/server/testbed/repository';
import { idParam } from '$lib/server/testbed/schemas';

async function resourceId(raw: string): Promise<string> {
	const id = idParam.safeParse(raw);
	if (!id.success) throw new NotFoundError();
	const resource = await findResourceById(getDb(), id.data);
	if (!resource || !resource.active) throw new NotFoundError();
	return resource.id;
}

export const GET: RequestHandler = authenticated(async ({ params }, user) => {
	const alerts = await listMyAlerts(getDb(), user, await resourceId(params.id));
	return json({ alerts: alerts.map(alertJson) });
});

export const POST: RequestHandler = authenticated(async (event, user) => {
	const id = await resourceId(event.params.id);
	const body = newAlertBody.safeParse(await readJson(event.request));
	if (!body.success) return invalidInput(body.error.issues);
	const alert = await createAlert(getDb(), user, { ...body.data, resourceId: id }, requestContext(event));
	return json(alertJson(alert), {
		status: 201,
		headers: { location: `/api/v1/resources/${id}/alerts/${alert.id}` }
	});
});
