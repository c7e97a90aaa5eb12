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
			['/test-requests/{id}/report', 'get']
		])
			expect(doc.paths[path]?.[method], `${method} ${path}`).toBeDefined();
		const result = await new Validator().validate(structuredClone(doc));
		expect(result.valid, JSON.stringify(result.errors)).toBe(true);
	});
});
