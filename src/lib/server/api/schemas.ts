// Response shapes of the JSON API; the OpenAPI document is generated from these and the input schemas.
import { z } from 'zod';

export const problemSchema = z
	.object({ error: z.object({ code: z.string(), message: z.string() }) })
	.meta({ id: 'Problem', description: 'An error, with a stable code and a message in the caller’s language.' });

export const membershipSchema = z.object({
	slug: z.string(),
	kind: z.enum(['company', 'hospital', 'agency', 'university', 'investor']),
	nameKo: z.string(),
	nameEn: z.string(),
	status: z.enum(['pending', 'verified', 'rejected']),
	role: z.enum(['owner', 'admin', 'member'])
});

export const meSchema = z
	.object({
		id: z.uuid(),
		email: z.email(),
		name: z.string(),
		locale: z.enum(['ko', 'en']),
		timeZone: z.string(),
		isOperator: z.boolean(),
		emailVerified: z.boolean(),
		memberships: z.array(membershipSchema)
	})
	.meta({ id: 'Me' });

export const organizationSchema = z
	.object({
		slug: z.string(),
		kind: z.enum(['company', 'hospital', 'agency', 'university', 'investor']),
		nameKo: z.string(),
		nameEn: z.string(),
		summaryKo: z.string(),
		summaryEn: z.string(),
		descriptionKo: z.string(),
		descriptionEn: z.string(),
		region: z.string(),
		website: z.string().nullable(),
		foundedYear: z.number().int().nullable(),
		status: z.enum(['pending', 'verified', 'rejected']),
		verifiedAt: z.string().nullable()
	})
	.meta({ id: 'Organization' });

export const slugParam = z.string().min(1).max(60).regex(/^[a-z0-9]+(-[a-z0-9]+)*$/);
