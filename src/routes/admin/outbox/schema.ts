// The outbox page's GET query; bad values fall back to "no filter" and the first page.
import { z } from 'zod';
import { text } from '$lib/server/http/text';

export const PAGE_SIZE = 50;

export const outboxQuerySchema = z.object({
	to: text().trim().max(254).catch(''),
	page: z.coerce.number().int().min(1).max(10_000).catch(1)
});
