// The programmes endpoints of /api/v1, called as SvelteKit calls them: 201, 409 already applied,
// 422 closed or not eligible (naming the rule), and their place in the OpenAPI document.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import type { DB } from '$lib/server/db';
import type { Database } from '$lib/server/db/connect';
import { createLogger } from '$lib/server/logger';
import { buildOpenApiDocument } from '$lib/server/app/openapi';
import { GET as listCalls } from '../../src/routes/api/v1/programmes/+server';
import { GET as getCall } from '../../src/routes/api/v1/programmes/[id]/+server';
import { POST as apply } from '../../src/routes/api/v1/programmes/[id]/applications/+server';
import { closeRuntimeDatabase, openRuntimeDatabase } from './support/runtime-database';
import { answers, closeCall, createAgency, createApplicant, createCall } from './programmes-support';

let database: Database;
let db: Kysely<DB>;

beforeAll(async () => {
	database = await openRuntimeDatabase();
	db = database.db;
});
afterAll(() => closeRuntimeDatabase(database));

type User = { id: string; email: string; name: string } | null;

function requestEvent(method: string, path: string, user: User, params: Record<string, string> = {}, body?: unknown) {
	const url = new URL(path, 'http://127.0.0.1:3000');
	const request = new Request(url, {
		method,
		headers: { 'content-type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body)
	});
	const sessionUser = user
		? {
				id: user.id,
				isOperator: false,
				email: user.email,
				name: user.name,
				locale: 'en' as const,
				timeZone: 'Asia/Seoul',
				emailVerified: true
			}
		: null;
	return {
		url,
		request,
		params,
		locals: { user: sessionUser, timeZone: 'Asia/Seoul', log: createLogger('silent') },
		getClientAddress: () => '192.0.2.1'
	} as never;
}

describe('programmes API', () => {
	it('answers 201, then 409 for a second application of the same company', async () => {
		const agency = await createAgency(db);
		const call = await createCall(db, agency.org.id);
		const company = await createApplicant(db);
		const body = { organisationId: company.org.id, answers };
		const created = await apply(
			requestEvent('POST', `/api/v1/programmes/${call.id}/applications`, company.owner, { id: call.id }, body)
		);
		expect(created.status).toBe(201);
		expect(await created.json()).toMatchObject({
			callId: call.id,
			organisationId: company.org.id,
			status: 'submitted'
		});
		const again = await apply(
			requestEvent('POST', `/api/v1/programmes/${call.id}/applications`, company.owner, { id: call.id }, body)
		);
		expect(again.status).toBe(409);
		expect((await again.json()).error.code).toBe('programmes_already_applied');
	});

	it('answers 422 for a closed call and for an ineligible company, naming the rule', async () => {
		const agency = await createAgency(db);
		const call = await createCall(db, agency.org.id, { eligibility: { regions: ['Gangwon'] } });
		const seoul = await createApplicant(db, { region: 'Seoul' });
		const refused = await apply(
			requestEvent(
				'POST',
				`/api/v1/programmes/${call.id}/applications`,
				seoul.owner,
				{ id: call.id },
				{ organisationId: seoul.org.id, answers }
			)
		);
		expect(refused.status).toBe(422);
		const problem = await refused.json();
		expect(problem.error).toMatchObject({ code: 'programmes_not_eligible', rule: 'region' });
		expect(problem.error.message).toMatch(/Region|지역/);

		const wonju = await createApplicant(db, { region: 'Gangwon' });
		await closeCall(db, call.id);
		const closed = await apply(
			requestEvent(
				'POST',
				`/api/v1/programmes/${call.id}/applications`,
				wonju.owner,
				{ id: call.id },
				{ organisationId: wonju.org.id, answers }
			)
		);
		expect(closed.status).toBe(422);
		expect((await closed.json()).error.code).toBe('programmes_call_closed');
	});

	it('refuses malformed bodies, strangers’ companies, visitors and unknown calls', async () => {
		const agency = await createAgency(db);
		const call = await createCall(db, agency.org.id);
		const company = await createApplicant(db);
		const other = await createApplicant(db);
		const bad = await apply(
			requestEvent(
				'POST',
				`/api/v1/programmes/${call.id}/applications`,
				company.owner,
				{ id: call.id },
				{ organisationId: 'nope' }
			)
		);
		expect(bad.status).toBe(400);
		const foreign = await apply(
			requestEvent(
				'POST',
				`/api/v1/programmes/${call.id}/applications`,
				other.owner,
				{ id: call.id },
				{ organisationId: company.org.id, answers }
			)
		);
		expect(foreign.status).toBe(403);
		const visitor = await apply(
			requestEvent(
				'POST',
				`/api/v1/programmes/${call.id}/applications`,
				null,
				{ id: call.id },
				{ organisationId: company.org.id, answers }
			)
		);
		expect(visitor.status).toBe(401);
		const missing = '00000000-0000-4000-8000-000000000000';
		expect(
			(
				await apply(
					requestEvent(
						'POST',
						`/api/v1/programmes/${missing}/applications`,
						company.owner,
						{ id: missing },
						{ organisationId: company.org.id, answers }
					)
				)
			).status
		).toBe(404);
		expect((await getCall(requestEvent('GET', `/api/v1/programmes/${missing}`, null, { id: missing }))).status).toBe(
			404
		);
	});

	it('lists calls and shows one with its rules, form and rubric; documents the endpoints', async () => {
		const agency = await createAgency(db);
		const call = await createCall(db, agency.org.id, {
			eligibility: { orgKinds: ['company'], minMfdsStage: 'in_review' }
		});
		const list = await (await listCalls(requestEvent('GET', '/api/v1/programmes', null))).json();
		expect(list.calls.find((c: { id: string }) => c.id === call.id)).toMatchObject({
			open: true,
			places: 2,
			budgetKrw: 90_000_000
		});
		const one = await (
			await getCall(requestEvent('GET', `/api/v1/programmes/${call.id}`, null, { id: call.id }))
		).json();
		expect(one).toMatchObject({
			id: call.id,
			voucherAmountKrw: 4_500_000,
			eligibility: { minMfdsStage: 'in_review' },
			rubric: [
				{ id: 'c0', weight: 2 },
				{ id: 'c1', weight: 1 }
			]
		});
		expect(one.questions[0]).toMatchObject({ id: 'q0', kind: 'short_text', required: true });
		const doc = buildOpenApiDocument('http://127.0.0.1:3000/api/v1') as {
			paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
		};
		expect(Object.keys(doc.paths['/programmes/{id}/applications'].post.responses)).toEqual(
			expect.arrayContaining(['201', '409', '422'])
		);
		expect(doc.paths['/programmes'].get).toBeDefined();
		expect(doc.paths['/programmes/{id}'].get).toBeDefined();
	});
});
