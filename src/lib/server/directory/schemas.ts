import { z } from 'zod';
import { text } from '$lib/server/http/text';
import { orgKind } from '../orgs/schemas';

export const regulatoryStage = z.enum([
	'mfds_approved',
	'mfds_in_review',
	'fda_cleared',
	'ce_marked',
	'clinical_trial'
]);
export type RegulatoryStage = z.infer<typeof regulatoryStage>;
export const directorySort = z.enum(['relevance', 'name', 'newest']);
const termSlug = text()
	.max(60)
	.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/);
const flag = z
	.union([z.literal(true), z.enum(['1', 'true', 'on'])])
	.transform(() => true as const)
	.optional();

/** The directory query, from a URL: lists are repeated parameters (`?kind=company&kind=hospital`). */
export const directoryQuerySchema = z.object({
	q: text().trim().max(100).default(''),
	kind: z.array(orgKind).max(5).default([]),
	region: z.array(text().trim().min(1).max(80)).max(10).default([]),
	tag: z.array(termSlug).max(10).default([]),
	stage: z.array(regulatoryStage).max(5).default([]),
	partners: flag,
	investment: flag,
	sort: directorySort.default('relevance'),
	page: z.coerce.number().int().min(1).max(500).default(1)
});

export type DirectoryQuery = z.infer<typeof directoryQuerySchema>;

const LIST_KEYS = ['kind', 'region', 'tag', 'stage'] as const;

export function searchParamsToObject(params: URLSearchParams): Record<string, unknown> {
	const raw: Record<string, unknown> = {};
	for (const key of new Set(params.keys())) {
		const values = params.getAll(key).filter((v) => v !== '');
		if (values.length === 0) continue;
		raw[key] = (LIST_KEYS as readonly string[]).includes(key) ? values : values[values.length - 1];
	}
	return raw;
}
