// The audit log's GET filter. Each parameter is checked on its own: a bad one is ignored and
// reported back by name, so a hand-edited URL never makes the page fail.
import { z } from 'zod';
import { text } from '$lib/server/http/text';
import type { AuditFilter } from '$lib/server/audit/repository';
import { nextDay, startOfDay } from './zoned-day';

export const PAGE_SIZE = 50;
export const ENTITY_TYPES = ['user', 'organization'] as const;

const day = z.iso.date();
const params = {
	actor: text().trim().max(254),
	type: z.enum(ENTITY_TYPES),
	entity: text().trim().max(200),
	from: day,
	to: day
};

export type AuditParam = keyof typeof params;
const PARAMS = Object.keys(params) as AuditParam[];

export type AuditQuery = {
	/** The raw values, to fill the filter form back in. */
	values: Record<AuditParam, string>;
	invalid: AuditParam[];
	page: number;
	filter: AuditFilter;
};

export function parseAuditQuery(search: URLSearchParams, timeZone: string): AuditQuery {
	const values = Object.fromEntries(PARAMS.map((key) => [key, (search.get(key) ?? '').slice(0, 300)])) as Record<
		AuditParam,
		string
	>;
	const valid: Partial<Record<AuditParam, string>> = {};
	const invalid: AuditParam[] = [];
	for (const key of PARAMS) {
		if (values[key].trim() === '') continue;
		const parsed = params[key].safeParse(values[key]);
		if (parsed.success) valid[key] = parsed.data;
		else invalid.push(key);
	}
	const page = z.coerce
		.number()
		.int()
		.min(1)
		.max(10_000)
		.catch(1)
		.parse(search.get('page') ?? 1);
	return {
		values,
		invalid,
		page,
		filter: {
			actor: valid.actor || undefined,
			entityType: valid.type,
			entityId: valid.entity || undefined,
			from: valid.from ? startOfDay(valid.from, timeZone) : undefined,
			// The "to" day is inclusive: entries before the start of the next day.
			to: valid.to ? startOfDay(nextDay(valid.to), timeZone) : undefined,
			// One row more than a page tells whether there is a next page.
			limit: PAGE_SIZE + 1,
			offset: (page - 1) * PAGE_SIZE
		}
	};
}
