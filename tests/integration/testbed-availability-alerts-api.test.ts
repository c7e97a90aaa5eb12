// The availability alert endpoints as SvelteKit calls them: who may list, set and cancel, problem JSON
// with translated messages, and their place in the OpenAPI document.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import type { DB } from '$lib/server/db';
import type { Database } from '$lib/server/db/connect';
import { createLogger } from '$lib/server/logger';
import { buildOpenApiDocument } from '$lib/server/app/openapi';
import { GET as listAlerts, POST as postAlert } from '../../src/routes/api/v1/resources/[id]/alerts/+server';
import { DELETE as deleteAlert } from '../../src/routes/api/v1/resources/[id]/alerts/[alertId]/+server';
import { closeRuntimeDatabase, openRuntimeDatabase } from './support/runtime-database';
import { createBooker, createFacility, createResource } from './testbed-support';

let database: Database;
let db: Kysely<DB>;

beforeAll(async () => {
	database = await openRuntimeDatabase();
	db = database.db;
});
afterAll(() => closeRuntimeDatabase(database));

type User = { id: string; email: string; name: string };

function call(
	handler: (event: never) => unknown,
	method: string,
	user: User | null,
	params: Record<string, string>,
	body?: unknown
) {
	const url = new URL('/api/v1/resources/x/alerts', 'http://127.0.0.1:3000');
	const request = new Request(url, {
		method,
		headers: { 'content-type': 'application/json', origin: 'http://127.0.0.1:3000' },
		body: body === undefined ? undefined : JSON.stringify(body)
	});
	const locals = {
		user: user && {
			id: user.id,
			isOperator: false,
			email: user.email,
			name: user.name,
			locale: 'en' as const,
			timeZone: 'Asia/Seoul',
			emailVerified: true
		},
		timeZone: 'Asia/Seoul',
		log: createLogger('silent')
	};
	return handler({ url, request, params, locals, getClientAddress: () => '192.0.2.1' } as never) as Promise<Response>;
}

const future = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

describe('availability alert API', () => {
	it('sets, lists and cancels one’s own alert; another member gets 404 and cannot cancel it', async () => {
		const { facility } = await createFacility(db);
		const resource = await createResource(db, facility.id);
		const owner = await createBooker(db);
		const other = await createBooker(db);
		const params = { id: resource.id };
		const created = await call(postAlert, 'POST', owner.user, params, {
			start: future(7),
			end: future(9),
			minMinutes: 60
		});
		expect(created.status).toBe(201);
		const alert = await created.json();
		expect(alert).toMatchObject({ resourceId: resource.id, minMinutes: 60, status: 'active', hold: null });

		const mine = await (await call(listAlerts, 'GET', owner.user, params)).json();
		expect(mine.alerts.map((a: { id: string }) => a.id)).toEqual([alert.id]);
		const theirs = await (await call(listAlerts, 'GET', other.user, params)).json();
		expect(theirs.alerts).toEqual([]);

		const refused = await call(deleteAlert, 'DELETE', other.user, { id: resource.id, alertId: alert.id });
		expect(refused.status).toBe(404);
		const row = await db
			.selectFrom('availability_alerts')
			.select('status')
			.where('id', '=', alert.id)
			.executeTakeFirstOrThrow();
		expect(row.status).toBe('active');

		const cancelled = await call(deleteAlert, 'DELETE', owner.user, { id: resource.id, alertId: alert.id });
		expect(cancelled.status).toBe(200);
		expect((await cancelled.json()).status).toBe('cancelled');
	});

	it('answers bad input and an empty range with a translated 4xx, and visitors with 401', async () => {
		const { facility } = await createFacility(db);
		const resource = await createResource(db, facility.id);
		const owner = await createBooker(db);
		const params = { id: resource.id };
		expect((await call(postAlert, 'POST', owner.user, params, { start: 'soon' })).status).toBe(400);
		const backwards = await call(postAlert, 'POST', owner.user, params, { start: future(9), end: future(7) });
		expect(backwards.status).toBe(422);
		expect((await backwards.json()).error).toMatchObject({
			code: 'avail_alert_range',
			message: expect.stringContaining('기간')
		});
		expect((await call(postAlert, 'POST', null, params, { start: future(7), end: future(9) })).status).toBe(401);
		expect((await call(listAlerts, 'GET', owner.user, { id: 'not-a-uuid' })).status).toBe(404);
	});

	it('is in the OpenAPI document', () => {
		const doc = buildOpenApiDocument('http://127.0.0.1:3000/api/v1') as {
			paths: Record<string, Record<string, unknown>>;
		};
		expect(Object.keys(doc.paths['/resources/{id}/alerts'])).toEqual(expect.arrayContaining(['get', 'post']));
		expect(Object.keys(doc.paths['/resources/{id}/alerts/{alertId}'])).toEqual(['delete']);
	});
});
