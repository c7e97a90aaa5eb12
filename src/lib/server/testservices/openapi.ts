// The testing services' entries in the OpenAPI document (spread into `operations` in api/openapi.ts).
import { z } from 'zod';
import type { Operation } from '../api/operation';
import { requestDetailSchema, requestSchema } from './api-shapes';
import {
	cancelBody,
	decisionBody,
	idParam,
	messageBody,
	newRequestBody,
	progressBody,
	quoteBody,
	uploadIdParam
} from './schemas';

const tags = ['test-requests'];
const hidden = { description: 'No such request, or you have no part in it' };
const summarySchema = z.object({
	id: z.uuid(),
	standard: z.string(),
	status: z.string(),
	totalKrw: z.number().int().nullable(),
	dueAt: z.iso.datetime().nullable()
});
const wrongStatus = { description: '`tsvc_wrong_status`: the request is not at a step that allows this' };
const post = (path: string, operationId: string, summary: string, body: z.ZodType, extra: Operation['responses']) =>
	({
		method: 'post',
		path,
		operationId,
		summary,
		tags,
		auth: 'required',
		pathParams: { id: idParam },
		body,
		responses: { 200: { description: 'The request', schema: requestSchema }, 404: hidden, 409: wrongStatus, ...extra }
	}) as Operation;

export const testServicesOperations: Operation[] = [
	{
		method: 'get',
		path: '/test-requests',
		operationId: 'listTestRequests',
		summary: 'Testing-service requests of your organisations (mine) and to the facilities you manage (incoming)',
		tags,
		auth: 'required',
		responses: {
			200: {
				description: 'Requests',
				schema: z.object({ mine: z.array(summarySchema), incoming: z.array(summarySchema) })
			},
			401: { description: 'Not signed in' }
		}
	},
	{
		method: 'post',
		path: '/test-requests',
		operationId: 'createTestRequest',
		summary: 'Request a test (standard, sample count, notes) from a facility for your company',
		tags,
		auth: 'required',
		body: newRequestBody,
		responses: {
			201: { description: 'The request', schema: requestSchema },
			403: { description: '`tsvc_not_company_member`' },
			404: { description: 'No such facility' }
		}
	},
	{
		method: 'get',
		path: '/test-requests/{id}',
		operationId: 'getTestRequest',
		summary: 'One request with its quote lines, attachments (with download URLs) and thread',
		tags,
		auth: 'required',
		pathParams: { id: idParam },
		responses: { 200: { description: 'The request', schema: requestDetailSchema }, 404: hidden }
	},
	post('/test-requests/{id}/quote', 'quoteTestRequest', 'Send or revise the quote (facility managers)', quoteBody, {
		403: { description: '`not_facility_manager`' }
	}),
	post('/test-requests/{id}/decision', 'decideTestQuote', 'Approve or decline the quote', decisionBody, {
		403: { description: '`tsvc_not_requesting_admin`: only an admin of the requesting organisation decides' }
	}),
	post('/test-requests/{id}/progress', 'advanceTestRequest', 'Samples received, or test started', progressBody, {
		403: { description: '`not_facility_manager`' }
	}),
	post(
		'/test-requests/{id}/cancel',
		'cancelTestRequest',
		'Cancel the request (requesting organisation’s owner/admin or the member who asked: requested, quoted or approved), or decline it (facility managers: requested); optional reason',
		cancelBody,
		{ 403: { description: '`tsvc_not_allowed_to_cancel`' } }
	),
	{
		method: 'post',
		path: '/test-requests/{id}/messages',
		operationId: 'postTestRequestMessage',
		summary: 'Write in the request’s thread',
		tags,
		auth: 'required',
		pathParams: { id: idParam },
		body: messageBody,
		responses: {
			201: { description: 'The message', schema: z.object({ id: z.uuid(), createdAt: z.iso.datetime() }) },
			404: hidden
		}
	},
	{
		method: 'get',
		path: '/test-requests/{id}/report',
		operationId: 'downloadTestReport',
		summary: 'Download the delivered report (application/pdf)',
		tags,
		auth: 'required',
		pathParams: { id: idParam },
		responses: { 200: { description: 'The PDF file (Content-Type: application/pdf)' }, 404: hidden }
	},
	{
		method: 'get',
		path: '/test-requests/{id}/attachments/{uploadId}',
		operationId: 'downloadTestRequestAttachment',
		summary: 'Download one PDF attached to the request (application/pdf)',
		tags,
		auth: 'required',
		pathParams: { id: idParam, uploadId: uploadIdParam },
		responses: { 200: { description: 'The PDF file (Content-Type: application/pdf)' }, 404: hidden }
	}
];
