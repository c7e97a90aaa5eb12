// Every input of testing services (API bodies, form posts), validated before the service sees it.
import { z } from 'zod';
import { text } from '$lib/server/http/text';
import { TEST_STANDARDS } from '../db/test-services-types';

const uuid = z.uuid();
export const idParam = uuid;

export const newRequestBody = z
	.object({
		facilityId: uuid,
		orgId: uuid.optional(),
		standard: z.enum(TEST_STANDARDS),
		standardOther: text().trim().max(200).optional(),
		sampleCount: z.coerce.number().int().min(1).max(1000),
		notes: text().trim().max(4000).default('')
	})
	// "Other" needs its name; a listed standard takes none.
	.refine((r) => (r.standard === 'other') === !!r.standardOther, { path: ['standardOther'] });
export type NewRequestInput = z.infer<typeof newRequestBody>;

export const quoteLine = z.object({
	label: text().trim().min(1).max(200),
	quantity: z.coerce.number().int().min(1).max(1000),
	unitPriceKrw: z.coerce.number().int().min(0).max(1_000_000_000)
});

export const quoteBody = z.object({
	lines: z.array(quoteLine).min(1).max(30),
	turnaroundDays: z.coerce.number().int().min(1).max(365)
});
export type QuoteInput = z.infer<typeof quoteBody>;

export const decisionBody = z.object({ decision: z.enum(['approve', 'decline']) });
export const progressBody = z.object({ step: z.enum(['receive', 'start']) });
export const messageBody = z.object({ body: text().trim().min(1).max(4000) });
export const cancelBody = z.object({ reason: text().trim().max(1000).default('') });
export const uploadIdParam = uuid;
