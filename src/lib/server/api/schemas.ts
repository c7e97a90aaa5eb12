// Response shapes of the JSON API; the OpenAPI document is generated from these and the input schemas.
import { z } from 'zod';

export const problemSchema = z
	.object({
		error: z.object({
			code: z.string(),
			message: z.string(),
			link: z
				.string()
				.optional()
				.meta({ description: 'A portal page that helps, e.g. the course granting a missing credential' })
		})
	})
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

const kindSchema = z.enum(['company', 'hospital', 'agency', 'university', 'investor']);
const tagSchema = z.object({ slug: z.string(), nameKo: z.string(), nameEn: z.string() });

export const productSchema = z
	.object({
		id: z.uuid(),
		nameKo: z.string(),
		nameEn: z.string(),
		summaryKo: z.string(),
		summaryEn: z.string(),
		mfds: z.object({
			class: z.number().int().min(1).max(4).nullable(),
			status: z.enum(['none', 'in_review', 'approved']),
			approvalNo: z.string().nullable()
		}),
		fda: z.object({
			pathway: z.enum(['none', '510k', 'de_novo', 'pma']),
			status: z.enum(['none', 'in_review', 'cleared'])
		}),
		ceClass: z.enum(['none', 'I', 'IIa', 'IIb', 'III']),
		clinicalStage: z.enum(['none', 'pilot', 'pivotal', 'completed', 'post_market'])
	})
	.meta({ id: 'Product' });

export const organizationSchema = z
	.object({
		slug: z.string(),
		kind: kindSchema,
		nameKo: z.string(),
		nameEn: z.string(),
		summaryKo: z.string(),
		summaryEn: z.string(),
		descriptionKo: z.string().meta({ description: 'Markdown' }),
		descriptionEn: z.string().meta({ description: 'Markdown' }),
		region: z.string(),
		addressKo: z.string(),
		addressEn: z.string(),
		website: z.string().nullable(),
		foundedYear: z.number().int().nullable(),
		employeeRange: z.enum(['1-10', '11-50', '51-200', '201-1000', '1000+']).nullable(),
		certifications: z.array(z.string()),
		lookingForPartners: z.boolean(),
		raisingInvestment: z.boolean(),
		logoUrl: z.string().nullable(),
		status: z.enum(['pending', 'verified', 'rejected']),
		verifiedAt: z.iso.datetime().nullable(),
		tags: z.array(tagSchema.extend({ vocabulary: z.enum(['field', 'capability', 'department']) })),
		products: z.array(productSchema)
	})
	.meta({ id: 'Organization' });

export const organizationSearchSchema = z
	.object({
		total: z.number().int(),
		page: z.number().int(),
		pageSize: z.number().int(),
		results: z.array(
			z.object({
				slug: z.string(),
				kind: kindSchema,
				nameKo: z.string(),
				nameEn: z.string(),
				summaryKo: z.string(),
				summaryEn: z.string(),
				region: z.string(),
				logoUrl: z.string().nullable(),
				lookingForPartners: z.boolean(),
				raisingInvestment: z.boolean(),
				tags: z.array(tagSchema)
			})
		),
		facets: z
			.record(z.string(), z.record(z.string(), z.number().int()))
			.meta({ description: 'Counts per facet (kind, region, tag, stage, flag) and value, over the whole match' })
	})
	.meta({ id: 'OrganizationSearch' });

export const slugParam = z
	.string()
	.min(1)
	.max(60)
	.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/);
