// The matchmaking API: thesis PUT for one's own investor only (someone else's is 403), a ticket minimum
// above the maximum is 422 with its code, suggestions only for members, picks through POST/DELETE.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import type { DB } from '$lib/server/db';
import type { Database } from '$lib/server/db/connect';
import { createLogger } from '$lib/server/logger';
import { GET as getThesis, PUT as putThesis } from '../../src/routes/api/v1/organizations/[slug]/thesis/+server';
import { GET as suggestions } from '../../src/routes/api/v1/organizations/[slug]/suggestions/+server';
import { closeRuntimeDatabase, openRuntimeDatabase } from './support/runtime-database';
import { addMember, createOrganization, createUser } from '../factories';

let database: Database;
let db: Kysely<DB>;

beforeAll(async () => {
	database = await openRuntimeDatabase();
	db = database.db;
});
afterAll(() => closeRuntimeDatabase(database));

type User = { id: string; email: string; name: string };

function event(method: string, user: User, slug: string, body?: unknown) {
	const url = new URL(`/api/v1/organizations/${slug}/thesis`, 'http://127.0.0.1:3000');
	return {
		url,
		request: new Request(url, {
			method,
			headers: { 'content-type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body)
		}),
		params: { slug },
		locals: {
			user: {
				id: user.id,
				isOperator: false,
				email: user.email,
				name: user.name,
				locale: 'en',
				timeZone: 'Asia/Seoul',
				emailVerified: true
			},
			locale: 'en',
			timeZone: 'Asia/Seoul',
			log: createLogger('silent')
		},
		getClientAddress: () => '192.0.2.1'
	} as never;
}

const body = { stages: ['seed'], regulatory_stages: [], terms: [], ticket_min_krw: 100, ticket_max_krw: 200 };

describe('matchmaking API', () => {
	it('lets an investor admin PUT its thesis, refuses another organisation’s admin, and 422s min > max', async () => {
		const org = await createOrganization(db, { kind: 'investor' });
		const admin = await createUser(db);
		await addMember(db, org.id, admin.id, 'admin');
		const other = await createOrganization(db, { kind: 'investor' });
		const stranger = await createUser(db);
		await addMember(db, other.id, stranger.id, 'owner');

		const saved = await putThesis(event('PUT', admin, org.slug, body));
		expect(saved.status).toBe(200);
		expect((await saved.json()).thesis.ticketMaxKrw).toBe(200);

		const refused = await putThesis(event('PUT', stranger, org.slug, { ...body, ticket_max_krw: 999 }));
		expect(refused.status).toBe(403);
		const bad = await putThesis(event('PUT', admin, org.slug, { ...body, ticket_min_krw: 300 }));
		expect(bad.status).toBe(422);
		expect(await bad.json()).toMatchObject({ error: { code: 'thesis_ticket_range' } });
		const read = await getThesis(event('GET', stranger, org.slug));
		expect((await read.json()).thesis.ticketMaxKrw).toBe(200);
	});

	it('shows suggestions to members only', async () => {
		const org = await createOrganization(db, { kind: 'company' });
		const member = await createUser(db);
		await addMember(db, org.id, member.id, 'member');
		const outsider = await createUser(db);
		expect((await suggestions(event('GET', member, org.slug))).status).toBe(200);
		expect((await suggestions(event('GET', outsider, org.slug))).status).toBe(404);
	});
});
