// The needs' entries in the OpenAPI document (spread into `operations` in api/openapi.ts).
import { z } from 'zod';
import type { Operation } from '../api/operation';
import { needListSchema, needSchema, matchSchema, responseSchema } from './api-shapes';
import { idParam, needsQuerySchema, respondSchema } from './schemas';

const tags = ['needs'];
const hidden = {
	description: 'No such need, or not visible to you (visibility: all members, companies only, or invited organisations)'
};
const { saved: _saved, ...listQuery } = needsQuerySchema.shape;

export const needsOperations: Operation[] = [
	{
		method: 'get',
		path: '/needs',
		operationId: 'listNeeds',
		summary: 'Clinical needs visible to you, newest first (or by relevance with `q`)',
		tags,
		auth: 'required',
		query: listQuery,
		responses: {
			200: { description: 'One page of needs', schema: needListSchema },
			401: { description: 'Not signed in' }
		}
	},
	{
		method: 'get',
		path: '/needs/{id}',
		operationId: 'getNeed',
		summary: 'One clinical need',
		tags,
		auth: 'required',
		pathParams: { id: idParam },
		responses: { 200: { description: 'The need', schema: needSchema }, 404: hidden }
	},
	{
		method: 'get',
		path: '/needs/{id}/attachments/{attachmentId}',
		operationId: 'downloadNeedAttachment',
		summary: 'Download one of a need’s PDF attachments (application/pdf)',
		tags,
		auth: 'required',
		pathParams: { id: idParam, attachmentId: idParam },
		responses: { 200: { description: 'The PDF file (Content-Type: application/pdf)' }, 404: hidden }
	},
	{
		method: 'get',
		path: '/needs/{id}/matches',
		operationId: 'listNeedMatches',
		summary: 'Verified companies ranked for a need (shared tags, regulatory stage, text), each with why it matched',
		tags,
		auth: 'required',
		pathParams: { id: idParam },
		responses: {
			200: { description: 'Suggested companies', schema: z.object({ matches: z.array(matchSchema) }) },
			403: {
				description:
					'`needs_not_hospital_side`: the ranking is for the need’s author, its hospital’s admins and its reviewers'
			},
			404: hidden
		}
	},
	{
		method: 'post',
		path: '/needs/{id}/responses',
		operationId: 'respondToNeed',
		summary: 'Respond to a need for your company (one response per company)',
		tags,
		auth: 'required',
		pathParams: { id: idParam },
		body: respondSchema,
		responses: {
			201: { description: 'The response', schema: responseSchema },
			403: { description: '`needs_not_company_member`' },
			404: hidden,
			409: { description: '`needs_response_exists` or `needs_closed`' }
		}
	}
];
