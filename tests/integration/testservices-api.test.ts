// /api/v1/test-requests: validation answers 400 (never 500), the report endpoint 404s for strangers,
// and every path is in the OpenAPI document, which stays valid.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Validator } from '@seriousme/openapi-schema-validator';
import type { Kysely } from 'kysely';
import type { DB } from '$lib/server/db';
import type { Database } from '$lib/server/db/connect';
import { createLogger } from '$lib/server/logger';
import { buildOpenApiDocument } from '$lib/server/app/openapi';
import { addMember, createOrganization, createUser } from '../factories';
import { closeRuntimeDatabase, openRuntimeDatabase } from './support/runtime-database';
import { createFacility } from './testbed-support';
import { POST as createEndpoint } from '../../src/routes/api/v1/test-requests/+server';
import { POST as decisionEndpoint } from '../../src/routes/api/v1/test-requests/[id]/decision/+server';
import { GET as reportEndpoint } from '../../src/routes/api/v1/test-requests/[id]/report/+server';
import { GET as getEndpoint } from '../../src/routes/api/v1/test-requests/[id]/+server';
import { POST as cancelEndpoint } from '../../src/routes/api/v1/test-requests/[id]/cancel/+server';
import { GET as attachmentEndpoint } from '../../src/routes/api/v1/test-requests/[id]/attachments/[uploadId]/+server';
import { createRequest } from '$lib/server/testservices/service';

let database: Database;
let db: Kysely<DB>;
beforeAll(async () => {
	database = await openRuntimeDatabase();
	db = database.db;
});
afterAll(() => closeRuntimeDatabase(database));

type User = { id: string; email: string; name: string; is_operator: boolean };
function event(method: string, path: string, user: User, params: Record<string, string> = {}, body?: unknown) {
	const url = new URL(path, 'http://127.0.0.1:3000');
	return {
		url,
		request: new Request(url, {
			method,
			headers: { 'content-type': 'application/json', origin: url.origin },
			body: body === undefined ? undefined : JSON.stringify(body)
		}),
		params,
		locals: {
			user: {
				id: user.id,
				isOperator: user.is_operator,
				email: user.email,
				name: user.name,
				locale: 'en',
				timeZone: 'Asia/Seoul',
				emailVerified: true
			},
			timeZone: 'Asia/Seoul',
			log: createLogger('silent')
		},
		getClientAddress: () => '192.0.2.1'
	} as never;
}

describe('/api/v1/test-requests', () => {
	it('creates a request, refuses bad input (400), a decision before the quote (409) and a stranger’s download (404)', async () => {
		const lab = await createFacility(db);
		const company = await createOrganization(db, { kind: 'company' });
		const member = await createUser(db);
		await addMember(db, company.id, member.id, 'member');
		const bad = await createEndpoint(
			event(
				'POST',
				'/api/v1/test-requests',
				member,
				{},
				{ facilityId: lab.facility.id, standard: 'other', sampleCount: 0 }
			)
		);
		expect(bad.status).toBe(400);
		const created = await createEndpoint(
			event(
				'POST',
				'/api/v1/test-requests',
				member,
				{},
				{ facilityId: lab.facility.id, standard: 'iec_62304', sampleCount: 1 }
			)
		);
		expect(created.status).toBe(201);
		const { id } = await created.json();
		// Not quoted yet: 409 with a translated message, not 500.
		const early = await decisionEndpoint(
			event('POST', `/api/v1/test-requests/${id}/decision`, member, { id }, { decision: 'approve' })
		);
		expect(early.status).toBe(409);
		expect((await early.json()).error.message).toMatch(/단계|step/);
		const stranger = await createUser(db);
		const hidden = await reportEndpoint(event('GET', `/api/v1/test-requests/${id}/report`, stranger, { id }));
		expect(hidden.status).toBe(404);
	});

	it('lists attachments with download URLs, serves one only to those with a part in it, and cancels', async () => {
		const lab = await createFacility(db);
		const company = await createOrganization(db, { kind: 'company' });
		const [member, colleague, stranger] = [await createUser(db), await createUser(db), await createUser(db)];
		await addMember(db, company.id, member.id, 'member');
		await addMember(db, company.id, colleague.id, 'member');
		const pdf = new File([new TextEncoder().encode('%PDF-1.4\n%spec\n%%EOF\n')], '시료 목록.pdf');
		const request = await createRequest(
			db,
			{ id: member.id, isOperator: false },
			{ facilityId: lab.facility.id, standard: 'iso_14971', sampleCount: 1, notes: '' },
			{ ip: null, origin: 'http://127.0.0.1:3000' },
			[pdf]
		);
		const id = request.id;
		const got = await getEndpoint(event('GET', `/api/v1/test-requests/${id}`, lab.staff, { id }));
		expect(got.status).toBe(200);
		const body = await got.json();
		expect(body.attachments).toHaveLength(1);
		expect(body.attachments[0]).toMatchObject({ filename: '시료 목록.pdf', sizeBytes: pdf.size });
		const url: string = body.attachments[0].url;
		const uploadId = body.attachments[0].id;
		expect(url).toBe(`/api/v1/test-requests/${id}/attachments/${uploadId}`);
		const file = await attachmentEndpoint(event('GET', url, lab.staff, { id, uploadId }));
		expect(file.status).toBe(200);
		expect(file.headers.get('content-type')).toBe('application/pdf');
		expect((await attachmentEndpoint(event('GET', url, stranger, { id, uploadId }))).status).toBe(404);
		expect((await attachmentEndpoint(event('GET', url, member, { id, uploadId: 'nope' }))).status).toBe(404);
		// Cancelling: a colleague who did not ask is refused (403), the requester cancels (no body needed).
		const refused = await cancelEndpoint(event('POST', `/api/v1/test-requests/${id}/cancel`, colleague, { id }, {}));
		expect(refused.status).toBe(403);
		const tooLong = await cancelEndpoint(
			event('POST', `/api/v1/test-requests/${id}/cancel`, member, { id }, { reason: 'x'.repeat(1001) })
		);
		expect(tooLong.status).toBe(400);
		const cancelled = await cancelEndpoint(event('POST', `/api/v1/test-requests/${id}/cancel`, member, { id }));
		expect(cancelled.status).toBe(200);
		expect(await cancelled.json()).toMatchObject({ status: 'cancelled', cancelReason: '', cancelledByFacility: false });
		const again = await cancelEndpoint(event('POST', `/api/v1/test-requests/${id}/cancel`, member, { id }));
		expect(again.status).toBe(409);
	});

	it('documents every path in a valid OpenAPI document', async () => {
		const doc = buildOpenApiDocument('http://127.0.0.1:3000') as { paths: Record<string, Record<string, unknown>> };
		for (const [path, method] of [
			['/test-requests', 'get'],
			['/test-requests', 'post'],
			['/test-requests/{id}', 'get'],
			['/test-requests/{id}/quote', 'post'],
			['/test-requests/{id}/decision', 'post'],
			['/test-requests/{id}/progress', 'post'],
			['/test-requests/{id}/messages', 'post'],
			['/test-requests/{id}/report', 'get'],
			['/test-requests/{id}/cancel', 'post'],
			['/test-requests/{id}/attachments/{uploadId}', 'get']
		])
			expect(doc.paths[path]?.[method], `${method} ${path}`).toBeDefined();
		const result = await new Validator().validate(structuredClone(doc));
		expect(result.valid, JSON.stringify(result.errors)).toBe(true);
	});
});
