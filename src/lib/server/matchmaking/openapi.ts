// The matchmaking entries in the OpenAPI document (spread into `operations` in api/openapi.ts).
import { z } from 'zod';
import type { Operation } from '../api/operation';
import { slugParam } from '../api/schemas';
import { suggestionJsonSchema, thesisJsonSchema } from './api-shapes';
import { pickSchema, thesisSchema } from './schemas';

const tags = ['matchmaking'];
const hidden = { description: 'No such organisation, or not visible to you' };

export const matchmakingOperations: Operation[] = [
	{
		method: 'get',
		path: '/organizations/{slug}/thesis',
		operationId: 'getInvestorThesis',
		summary: 'An investor organisation’s thesis: stages, fields, regulatory stages, ticket range in KRW',
		tags,
		auth: 'optional',
		pathParams: { slug: slugParam },
		responses: {
			200: { description: 'The thesis', schema: z.object({ thesis: thesisJsonSchema.nullable() }) },
			404: hidden
		}
	},
	{
		method: 'put',
		path: '/organizations/{slug}/thesis',
		operationId: 'putInvestorThesis',
		summary: 'State or replace the thesis of an investor organisation you administer',
		tags,
		auth: 'required',
		pathParams: { slug: slugParam },
		body: thesisSchema,
		responses: {
			200: { description: 'The saved thesis', schema: z.object({ thesis: thesisJsonSchema }) },
			400: { description: 'Malformed body' },
			403: { description: '`not_org_admin`' },
			404: hidden,
			422: { description: '`thesis_ticket_range` (minimum above maximum) or `match_not_investor`' }
		}
	},
	{
		method: 'get',
		path: '/organizations/{slug}/suggestions',
		operationId: 'listMatchSuggestions',
		summary: 'Ranked investors for a company, or companies for an investor, each with why it fits',
		tags,
		auth: 'required',
		pathParams: { slug: slugParam },
		responses: {
			200: { description: 'Suggestions, best first', schema: z.object({ suggestions: z.array(suggestionJsonSchema) }) },
			404: { description: 'No such organisation, or you are not a member of it' }
		}
	},
	...(['post', 'delete'] as const).map((method): Operation => ({
		method,
		path: '/matchmaking-days/{id}/picks',
		operationId: method === 'post' ? 'addMatchmakingPick' : 'removeMatchmakingPick',
		summary:
			method === 'post'
				? 'For your invited organisation, pick an organisation of the other side (idempotent)'
				: 'Take a pick back (idempotent)',
		tags,
		auth: 'required',
		pathParams: { id: z.uuid() },
		body: pickSchema,
		responses: {
			200: { description: 'Whether anything changed', schema: z.object({ changed: z.boolean() }) },
			400: { description: 'Malformed body' },
			403: { description: '`match_not_participant`' },
			404: { description: 'No such matchmaking day' },
			409: { description: '`match_picks_closed`' }
		}
	}))
];
