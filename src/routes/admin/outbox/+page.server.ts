import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { listOutbox } from '$lib/server/notify/repository';
import { requestContext, requireOperator } from '$lib/server/http/context';
import { logPersonalDataAccess } from '$lib/server/privacy/access-log';
import { PAGE_SIZE, outboxQuerySchema } from './schema';

export const load = (async (event) => {
	const operator = requireOperator(event);
	const query = outboxQuerySchema.parse({
		to: event.url.searchParams.get('to') ?? '',
		page: event.url.searchParams.get('page') ?? 1
	});
	// One row more than a page tells whether there is a next page.
	const rows = await listOutbox(getDb(), PAGE_SIZE + 1, (query.page - 1) * PAGE_SIZE, query.to || undefined);
	await logPersonalDataAccess(getDb(), {
		actorId: operator.id,
		source: 'admin.outbox',
		kind: 'viewed',
		entityType: 'email_outbox',
		entityId: 'outbox',
		data: { to: query.to, page: query.page, shown: Math.min(rows.length, PAGE_SIZE) },
		ip: requestContext(event).ip
	});
	return {
		emails: rows.slice(0, PAGE_SIZE).map(({ id, to_address, subject, body_text, status, created_at }) => ({
			id,
			to_address,
			subject,
			body_text,
			status,
			created_at
		})),
		hasNext: rows.length > PAGE_SIZE,
		page: query.page,
		to: query.to
	};
}) satisfies PageServerLoad;
