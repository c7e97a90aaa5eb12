// The directory's endpoints in the OpenAPI document of /api/v1.
import { z } from 'zod';
import type { Operation } from '../api/operation';
import { organizationSchema, organizationSearchSchema, slugParam } from '../api/schemas';
import { directoryQuerySchema } from './schemas';

export const directoryOperations: Operation[] = [
	{
		method: 'get',
		path: '/organizations',
		operationId: 'searchOrganizations',
		summary: 'Search verified organisations, with facet counts (repeat a list parameter for several values)',
		tags: ['directory'],
		auth: 'optional',
		query: {
			q: directoryQuerySchema.shape.q,
			kind: directoryQuerySchema.shape.kind,
			region: directoryQuerySchema.shape.region,
			tag: directoryQuerySchema.shape.tag,
			stage: directoryQuerySchema.shape.stage,
			partners: z.enum(['1', 'true']),
			investment: z.enum(['1', 'true']),
			sort: directoryQuerySchema.shape.sort,
			page: z.number().int().min(1).max(500)
		},
		responses: { 200: { description: 'One page of results and the facet counts', schema: organizationSearchSchema } }
	},
	{
		method: 'get',
		path: '/organizations/{slug}',
		operationId: 'getOrganization',
		summary: 'One organisation (verified ones for everybody; others for their members and operators)',
		tags: ['directory'],
		auth: 'optional',
		pathParams: { slug: slugParam },
		responses: {
			200: { description: 'The organisation', schema: organizationSchema },
			404: { description: 'No such organisation' }
		}
	}
];
