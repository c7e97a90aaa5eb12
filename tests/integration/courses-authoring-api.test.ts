// POST/PATCH /api/v1/courses called as SvelteKit calls them: a manager creates a draft (absent from
// GET /courses), publishes it (listed), another org's manager gets 403, bad input 400, both in OpenAPI.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import type { DB } from '$lib/server/db';
import type { Database } from '$lib/server/db/connect';
import { createLogger } from '$lib/server/logger';
import { buildOpenApiDocument } from '$lib/server/app/openapi';
import { GET as list, POST as create } from '../../src/routes/api/v1/courses/+server';
import { DELETE as remove, PATCH as patch } from '../../src/routes/api/v1/courses/[slug]/+server';
import { closeRuntimeDatabase, openRuntimeDatabase } from './support/runtime-database';
import { createCohort, createProvider } from './courses-support';
import { uniqueSuffix } from '../factories';

let database: Database;
let db: Kysely<DB>;

beforeAll(async () => {
	database = await openRuntimeDatabase();
	db = database.db;
});
afterAll(() => closeRuntimeDatabase(database));

function requestEvent(method: string, path: string, userId: string | null, params = {}, body?: unknown) {
	const url = new URL(path, 'http://127.0.0.1:3000');
	const request = new Request(url, {
		method,
		headers: { 'content-type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body)
	});
	const user = userId
		? {
				id: userId,
				isOperator: false,
				email: 'x@example.com',
				name: 'X',
				locale: 'en' as const,
				timeZone: 'Asia/Seoul',
				emailVerified: true
			}
		: null;
	return {
		url,
		request,
		params,
		locals: { user, timeZone: 'Asia/Seoul', log: createLogger('silent') },
		getClientAddress: () => '192.0.2.1'
	} as never;
}

const listedSlugs = async () =>
	((await (await list(requestEvent('GET', '/api/v1/courses', null))).json()).courses as { slug: string }[]).map(
		(c) => c.slug
	);

describe('course authoring API', () => {
	it('creates a draft (not listed), publishes it (listed); refuses other managers and bad input', async () => {
		const { org, admin } = await createProvider(db);
		const body = {
			providerOrgId: org.id,
			category: 'technology',
			audiences: ['founders'],
			level: 'advanced',
			format: 'hybrid',
			language: 'en',
			titleKo: 'AI 의료기기',
			titleEn: `AI devices ${uniqueSuffix()}`,
			hours: 4
		};
		const created = await create(requestEvent('POST', '/api/v1/courses', admin.id, {}, body));
		expect(created.status).toBe(201);
		const course = await created.json();
		expect(course.state).toBe('draft');
		expect(await listedSlugs()).not.toContain(course.slug);

		const other = await createProvider(db);
		const refused = await patch(
			requestEvent(
				'PATCH',
				`/api/v1/courses/${course.slug}`,
				other.admin.id,
				{ slug: course.slug },
				{ state: 'published' }
			)
		);
		expect(refused.status).toBe(403);
		const invalid = await patch(
			requestEvent('PATCH', `/api/v1/courses/${course.slug}`, admin.id, { slug: course.slug }, { hours: -1 })
		);
		expect(invalid.status).toBe(400);

		const published = await patch(
			requestEvent('PATCH', `/api/v1/courses/${course.slug}`, admin.id, { slug: course.slug }, { state: 'published' })
		);
		expect(published.status).toBe(200);
		expect((await published.json()).state).toBe('published');
		expect(await listedSlugs()).toContain(course.slug);
	});

	it('answers 401 without a session, and lists both operations in OpenAPI', async () => {
		expect((await create(requestEvent('POST', '/api/v1/courses', null, {}, {}))).status).toBe(401);
		const doc = buildOpenApiDocument('http://127.0.0.1:3000/api/v1') as { paths: Record<string, object> };
		expect(doc.paths['/courses']).toHaveProperty('post');
		expect(doc.paths['/courses/{slug}']).toHaveProperty('patch');
		expect(doc.paths['/courses/{slug}']).toHaveProperty('delete');
	});

	it('deletes an unused course for its manager only; a course with cohorts is refused with 409 and kept', async () => {
		const { org, admin } = await createProvider(db);
		const body = { providerOrgId: org.id, category: 'regulatory', audiences: ['employees'], level: 'introductory' };
		const draft = async (title: string) =>
			(await (
				await create(
					requestEvent(
						'POST',
						'/api/v1/courses',
						admin.id,
						{},
						{
							...body,
							format: 'online',
							language: 'ko',
							titleKo: title,
							titleEn: `${title} ${uniqueSuffix()}`
						}
					)
				)
			).json()) as { id: string; slug: string };
		const unused = await draft('Unused');
		const used = await draft('Used');
		await createCohort(db, used.id);
		const del = (slug: string, userId: string) =>
			remove(requestEvent('DELETE', `/api/v1/courses/${slug}`, userId, { slug }));

		const stranger = await createProvider(db);
		expect((await del(unused.slug, stranger.admin.id)).status).toBe(403);
		expect((await del('no-such-course', admin.id)).status).toBe(404);
		expect((await del(`${'x'.repeat(300)}/../Bad Slug`, admin.id)).status).toBe(404);
		const refused = await del(used.slug, admin.id);
		expect(refused.status).toBe(409);
		expect((await refused.json()).error.code).toBe('cauth_has_cohorts');
		expect(await db.selectFrom('courses').select('id').where('id', '=', used.id).executeTakeFirst()).toBeDefined();

		const deleted = await del(unused.slug, admin.id);
		expect(deleted.status).toBe(200);
		expect(await deleted.json()).toEqual({ deleted: true, slug: unused.slug });
		expect(await db.selectFrom('courses').select('id').where('id', '=', unused.id).executeTakeFirst()).toBeUndefined();
	});
});
