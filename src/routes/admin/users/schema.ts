// The users page: its GET query (bad values fall back to defaults) and the disable/enable form.
import { z } from 'zod';
import { text } from '$lib/server/http/text';

export const PAGE_SIZE = 50;

export const usersQuerySchema = z.object({
	q: text().trim().max(100).catch(''),
	page: z.coerce.number().int().min(1).max(10_000).catch(1)
});

export const userActionSchema = z.object({ userId: z.uuid() });
