// One testing-service request with its quote lines, attachments (with download URLs) and thread, for those with a part in it.
import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/runtime';
import { authenticated } from '$lib/server/app/api';
import { NotFoundError } from '$lib/server/errors';
import { getRequest } from '$lib/server/testservices/service';
import { idParam } from '$lib/server/testservices/schemas';
import { attachmentJson, requestJson } from '$lib/server/testservices/api-shapes';

export const GET: RequestHandler = authenticated(async ({ params }, user) => {
	const id = idParam.safeParse(params.id);
	if (!id.success) throw new NotFoundError();
	const view = await getRequest(getDb(), user, id.data);
	return json({
		...requestJson(view.request),
		lines: view.lines.map((l) => ({ label: l.label, quantity: l.quantity, unitPriceKrw: l.unit_price_krw })),
		attachments: view.attachments.map((a) => attachmentJson(view.request.id, a)),
		messages: view.messages.map((m) => ({
			id: m.id,
			body: m.body,
			author: m.author_name,
			createdAt: m.created_at.toISOString()
		}))
	});
});
