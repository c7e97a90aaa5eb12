// The OpenAPI 3.1 document of /api/v1, generated from the zod schemas the endpoints use.
import { z } from 'zod';
import type { Operation } from './operation';
import { meSchema, organizationSchema, organizationSearchSchema, problemSchema, slugParam } from './schemas';
import { directoryQuerySchema } from '../directory/schemas';
import { testbedOperations } from '../testbed/openapi';
import { coursesOperations } from '../courses/openapi';
import { needsOperations } from '../needs/openapi';
import { irOperations } from '../ir/openapi';
import { recordingOperations } from '../ir/recording/api-shapes';
import { voucherOperations } from '../vouchers/openapi';
import { programmesOperations } from '../programmes/openapi';
import { matchmakingOperations } from '../matchmaking/openapi';

/** Every endpoint of /api/v1. A new endpoint adds its entry here. */
export const operations: Operation[] = [
	{
		method: 'get',
		path: '/me',
		operationId: 'getMe',
		summary: 'The signed-in user and their organisations',
		tags: ['account'],
		auth: 'required',
		responses: { 200: { description: 'The user', schema: meSchema }, 401: { description: 'Not signed in' } }
	},
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
	},
	...testbedOperations,
	...coursesOperations,
	...needsOperations,
	...irOperations,
	...recordingOperations,
	...voucherOperations,
	...programmesOperations,
	...matchmakingOperations
];

export function buildOpenApiDocument(serverUrl: string) {
	// Schemas with a `meta({ id })` become components; every $ref points there.
	const components: Record<string, unknown> = {};
	// Inputs are described as clients send them (before transforms: a time is an ISO string, a blank select is ''),
	// responses as the server sends them.
	const jsonSchema = (schema: z.ZodType, io: 'input' | 'output' = 'output') => {
		const {
			$schema: _,
			$defs,
			...rest
		} = z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' }) as Record<string, unknown>;
		const relink = <T>(value: T): T =>
			JSON.parse(JSON.stringify(value).replaceAll('"#/$defs/', '"#/components/schemas/'));
		for (const [id, definition] of Object.entries(($defs ?? {}) as Record<string, unknown>))
			components[id] = relink(definition);
		return relink(rest);
	};
	const paths: Record<string, Record<string, unknown>> = {};
	for (const op of operations) {
		const parameters = [
			...Object.entries(op.pathParams ?? {}).map(([name, schema]) => ({
				name,
				in: 'path',
				required: true,
				schema: jsonSchema(schema, 'input')
			})),
			...Object.entries(op.query ?? {}).map(([name, schema]) => ({
				name,
				in: 'query',
				required: false,
				schema: jsonSchema(schema, 'input')
			}))
		];
		const responses: Record<string, unknown> = {};
		for (const [status, response] of Object.entries(op.responses)) {
			const schema = response.schema ?? (Number(status) >= 400 ? problemSchema : undefined);
			responses[status] = {
				description: response.description,
				...(schema ? { content: { 'application/json': { schema: jsonSchema(schema) } } } : {})
			};
		}
		responses['400'] ??= {
			description: 'Invalid input',
			content: { 'application/json': { schema: jsonSchema(problemSchema) } }
		};
		// Any bearer request can meet an organisation's two-factor rule (see the `bearer` scheme).
		responses['403'] ??= {
			description: 'Forbidden (e.g. `auth2_org_second_factor_required`)',
			content: { 'application/json': { schema: jsonSchema(problemSchema) } }
		};
		(paths[op.path] ??= {})[op.method] = {
			operationId: op.operationId,
			summary: op.summary,
			tags: op.tags,
			...(parameters.length ? { parameters } : {}),
			...(op.body
				? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(op.body, 'input') } } } }
				: {}),
			responses,
			security: op.auth === 'required' ? [{ bearer: [] }, { session: [] }] : [{}, { bearer: [] }, { session: [] }]
		};
	}
	return {
		openapi: '3.1.0',
		info: {
			title: 'MedCluster API',
			version: '1.0.0',
			license: { name: 'Proprietary, MedCluster alliance', identifier: 'LicenseRef-MedCluster-Proprietary' },
			description: 'JSON API of the MedCluster alliance portal. Errors are `{ "error": { "code", "message" } }`.'
		},
		servers: [{ url: serverUrl }],
		paths,
		components: {
			schemas: components,
			securitySchemes: {
				bearer: {
					type: 'http',
					scheme: 'bearer',
					description:
						'A personal API token from Settings → API tokens. While an organisation of the token’s owner requires two-step verification and the account has neither TOTP nor a passkey, every request with the token is refused with 403 `auth2_org_second_factor_required` (and no new token can be made).'
				},
				session: { type: 'apiKey', in: 'cookie', name: 'mc_session' }
			}
		}
	};
}
