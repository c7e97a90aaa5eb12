import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { listAuditEntries } from '$lib/server/audit/repository';
import { requireOperator } from '$lib/server/http/context';
import { ENTITY_TYPES, PAGE_SIZE, parseAuditQuery } from './filter';

export const load = (async (event) => {
	requireOperator(event);
	const query = parseAuditQuery(event.url.searchParams, event.locals.timeZone);
	const rows = await listAuditEntries(getDb(), query.filter);
	return {
		entries: rows.slice(0, PAGE_SIZE).map((row) => ({ ...row, id: String(row.id) })),
		hasNext: rows.length > PAGE_SIZE,
		page: query.page,
		values: query.values,
		invalid: query.invalid,
		entityTypes: [...ENTITY_TYPES]
	};
}) satisfies PageServerLoad;
