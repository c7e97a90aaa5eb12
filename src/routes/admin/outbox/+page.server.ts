import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { listOutbox } from '$lib/server/notify/repository';
import { requireOperator } from '$lib/server/http/context';
import { PAGE_SIZE, outboxQuerySchema } from './schema';

export const load = (async (event) => {
	requireOperator(event);
	const query = outboxQuerySchema.parse({ to: event.url.searchParams.get('to') ?? '', page: event.url.searchParams.get('page') ?? 1 });
	// One row more than a page tells whether there is a next page.
	const rows = await listOutbox(getDb(), PAGE_SIZE + 1, (query.page - 1) * PAGE_SIZE, query.to || undefined);
	return {
		emails: rows.slice(0, PAGE_SIZE).map(({ id, to_address, subject, body_text, status, created_at }) => ({ id, to_address, subject, body_text, status, created_at })),
		hasNext: rows.length > PAGE_SIZE,
		page: query.page,
		to: query.to
	};
}) satisfies PageServerLoad;
