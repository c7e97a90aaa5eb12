// The programmes' entries in the OpenAPI document (spread into `operations` in api/openapi.ts).
import { z } from 'zod';
import type { Operation } from '../api/operation';
import { applicationSchema, callSchema, callSummarySchema } from './api-shapes';
import { applyApiSchema, idParam, listQuerySchema } from './schemas';

const tags = ['programmes'];

export const programmesOperations: Operation[] = [
	{
		method: 'get',
		path: '/programmes',
		operationId: 'listProgrammeCalls',
		summary: 'Programme calls, open ones first (filter by field term id and region)',
		tags,
		auth: 'optional',
		query: listQuerySchema.shape,
		responses: { 200: { description: 'The calls', schema: z.object({ calls: z.array(callSummarySchema) }) } }
	},
	{
		method: 'get',
		path: '/programmes/{id}',
		operationId: 'getProgrammeCall',
		summary: 'One programme call with its eligibility rules, form and rubric',
		tags,
		auth: 'optional',
		pathParams: { id: idParam },
		responses: { 200: { description: 'The call', schema: callSchema }, 404: { description: 'No such call' } }
	},
	{
		method: 'post',
		path: '/programmes/{id}/applications',
		operationId: 'applyToProgrammeCall',
		summary:
			'Apply for one of your companies (you are its owner or admin): the answers are submitted at once, checked against the deadline by the database clock. File questions cannot be answered through the API.',
		tags,
		auth: 'required',
		pathParams: { id: idParam },
		body: applyApiSchema,
		responses: {
			201: { description: 'The submitted application', schema: applicationSchema },
			403: { description: '`programmes_not_company_admin`' },
			404: { description: 'No such call' },
			409: { description: '`programmes_already_applied`: the company already has an application for this call' },
			422: {
				description:
					'`programmes_call_closed`, `programmes_answers_incomplete`, or `programmes_not_eligible` with `rule` naming the broken rule (org_kind, verified, region, regulatory_stage, employee_count, already_selected)'
			}
		}
	}
];
