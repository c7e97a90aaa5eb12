import { z } from 'zod';
import { text } from '$lib/server/http/text';

const names = {
	name_ko: text().trim().min(1).max(60),
	name_en: text().trim().min(1).max(60),
	sort_order: z.coerce.number().int().min(0).max(999).default(0)
};

export const createTermSchema = z.object({
	vocabulary: z.enum(['field', 'capability', 'department']),
	slug: text()
		.trim()
		.toLowerCase()
		.min(2)
		.max(60)
		.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
	...names
});
export const updateTermSchema = z.object({ id: z.uuid(), ...names });
export const deleteTermSchema = z.object({ id: z.uuid() });
