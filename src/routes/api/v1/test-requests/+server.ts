// Testing-service requests through the API: the caller's own and incoming ones; a new request.
import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/runtime';
import { invalidInput } from '$lib/server/api/handler';
import { authenticated } from '$lib/server/app/api';
import { requestContext } from '$lib/server/http/context';
import { readJson } from '$lib/server/common/read-json';
import { createRequest, listMyRequests } from '$lib/server/testservices/service';
import { newRequestBody } from '$lib/server/testservices/schemas';
import { requestJson } from '$lib/server/testservices/api-shapes';

const summary = (r: {
	id: string;
	standard: string;
	status: string;
	total_krw: number | null;
	due_at: Date | null;
}) => ({
	id: r.id,
	standard: r.standard,
	status: r.status,
	totalKrw: r.total_krw,
	dueAt: r.due_at?.toISOString() ?? null
});

export const GET: RequestHandler = authenticated(async (_event, user) => {
	const { mine, incoming } = await listMyRequests(getDb(), user);
	return json({ mine: mine.map(summary), incoming: incoming.map(summary) });
});

export const POST: RequestHandler = authenticated(async (event, user) => {
	const body = newRequestBody.safeParse(await readJson(event.request));
	if (!body.success) return invalidInput(body.error.issues);
	const row = await createRequest(getDb(), user, body.data, requestContext(event));
	return json(requestJson(row), { status: 201, headers: { location: `/testbed/services/${row.id}` } });
});
