// Availability alerts in the OpenAPI document (spread into `operations` in api/openapi.ts).
import { z } from 'zod';
import type { Operation } from '../api/operation';
import { alertSchema, newAlertBody } from './availability-alerts-schemas';
import { idParam } from './schemas';

const tags = ['testbed'];

export const availabilityAlertOperations: Operation[] = [
	{
		method: 'get',
		path: '/resources/{id}/alerts',
		operationId: 'listResourceAlerts',
		summary: 'Your availability alerts on one resource, with the slot held for you, if any',
		tags,
		auth: 'required',
		pathParams: { id: idParam },
		responses: {
			200: { description: 'Your alerts', schema: z.object({ alerts: z.array(alertSchema) }) },
			404: { description: 'No such resource' }
		}
	},
	{
		method: 'post',
		path: '/resources/{id}/alerts',
		operationId: 'createResourceAlert',
		summary:
			'“Notify me”: when a slot between `start` and `end` (at least `minMinutes` long) frees, it is held for you for a short while, in the order alerts were made',
		tags,
		auth: 'required',
		pathParams: { id: idParam },
		body: newAlertBody,
		responses: {
			201: { description: 'The alert', schema: alertSchema },
			403: { description: '`org_not_verified`' },
			404: { description: 'No such resource' },
			422: { description: '`avail_alert_range`: the range is empty, past, or longer than 92 days' }
		}
	},
	{
		method: 'delete',
		path: '/resources/{id}/alerts/{alertId}',
		operationId: 'cancelResourceAlert',
		summary: 'Cancel your alert (a slot held for it goes to the next in line)',
		tags,
		auth: 'required',
		pathParams: { id: idParam, alertId: idParam },
		responses: {
			200: { description: 'The cancelled alert', schema: alertSchema },
			404: { description: 'No such alert, or not yours' }
		}
	}
];
