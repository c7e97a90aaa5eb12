// The operator's verification decisions: one schema per form.
import { z } from 'zod';
import { text } from '$lib/server/http/text';

export const verifySchema = z.object({
	orgId: z.uuid(),
	reason: z
		.string()
		.trim()
		.max(500)
		.optional()
		.transform((note) => note || null)
});

export const rejectSchema = z.object({
	orgId: z.uuid(),
	reason: text().trim().min(3).max(500)
});
