// The IR sessions' entries in the OpenAPI document (spread into `operations` in api/openapi.ts).
import type { Operation } from '../api/operation';
import { irAnalyticsSchema, irDeckAnalyticsSchema, irEventListSchema, irRegistrationSchema } from './api-shapes';
import { eventsQuerySchema, idParam, registerBodySchema } from './schemas';

const tags = ['ir'];
const hidden = { description: 'No such session, or not visible to you' };

export const irOperations: Operation[] = [
	{
		method: 'get',
		path: '/ir/events',
		operationId: 'listIrEvents',
		summary:
			'IR sessions you may see (visitors: open sessions only), upcoming soonest first or past latest first; filter by text, the startup’s field tag and regulatory stage, and local dates',
		tags,
		auth: 'optional',
		query: eventsQuerySchema.shape,
		responses: { 200: { description: 'One page of sessions', schema: irEventListSchema } }
	},
	{
		method: 'post',
		path: '/ir/events/{id}/registrations',
		operationId: 'registerForIrEvent',
		summary: 'Register for a session, accepting its current NDA version when it has one (idempotent)',
		tags,
		auth: 'required',
		pathParams: { id: idParam },
		body: registerBodySchema,
		responses: {
			201: { description: 'Registered', schema: irRegistrationSchema },
			200: { description: 'Already registered with this NDA version: nothing changed', schema: irRegistrationSchema },
			403: { description: '`ir_not_investor` (investors-only session) or `ir_not_member`' },
			404: hidden,
			409: { description: '`ir_session_closed`: cancelled or over' },
			422: { description: '`ir_nda_version`: not the session’s current NDA version' }
		}
	},
	{
		method: 'get',
		path: '/ir/events/{id}/analytics',
		operationId: 'getIrEventAnalytics',
		summary: 'Numbers of a session, for the startup’s admins, the presenters, the moderator and operators',
		tags,
		auth: 'required',
		pathParams: { id: idParam },
		responses: {
			200: { description: 'The analytics', schema: irAnalyticsSchema },
			404: { description: 'No such session, or you are not on its team' }
		}
	},
	{
		method: 'get',
		path: '/ir/events/{id}/deck-analytics',
		operationId: 'getIrEventDeckAnalytics',
		summary:
			'How each investor firm read the session’s deck (viewers, total seconds, seconds per page, viewers who reached the last page), for the same team as the analytics',
		tags,
		auth: 'required',
		pathParams: { id: idParam },
		responses: {
			200: { description: 'The deck reading per firm, longest total first', schema: irDeckAnalyticsSchema },
			404: { description: 'No such session, or you are not on its team' }
		}
	}
];
