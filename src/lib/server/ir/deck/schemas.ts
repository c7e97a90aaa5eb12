// What the deck viewer may send: a beat is one page and the seconds spent on it since the last beat.
// The seconds are capped again on the server (beats.ts); here only the shape and sane bounds.
import { z } from 'zod';

export const pageParam = z.coerce.number().int().min(1).max(500);

export const beatBody = z.object({
	page: z.number().int().min(1).max(500),
	seconds: z.number().min(0).max(3600)
});
