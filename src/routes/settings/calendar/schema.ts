import { z } from 'zod';

/** Which feed: the person's own (no facility) or a facility they manage. */
export const feedSchema = z.object({
	facility: z
		.union([z.uuid(), z.literal('')])
		.optional()
		.transform((value) => value || null)
});
