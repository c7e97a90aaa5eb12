// The IR endpoints of /api/v1, called as SvelteKit calls them (against this file's database):
// status codes, problem JSON with translated messages, and their place in the OpenAPI document.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import type { DB } from '$lib/server/db';
import type { Database } from '$lib/server/db/connect';
import { createLogger } from '$lib/server/logger';
import { buildOpenApiDocument } from '$lib/server/app/openapi';
import { GET as listEvents } from '../../src/routes/api/v1/ir/events/+server';
import { POST as register } from '../../src/routes/api/v1/ir/events/[id]/registrations/+server';
import { GET as analytics } from '../../src/routes/api/v1/ir/events/[id]/analytics/+server';
import { GET as deckAnalyticsApi } from '../../src/routes/api/v1/ir/events/[id]/deck-analytics/+server';
import { deckHandlers } from '$lib/server/ir/deck/jobs';
import { DECK_RENDER_JOB, recordBeat } from '$lib/server/ir/deck/service';
import { registerForEvent } from '$lib/server/ir/registration';
import { multiPagePdf } from './deck-pdf';
import { closeRuntimeDatabase, openRuntimeDatabase } from './support/runtime-database';
import { insertRecording, insertReplayView, updateReplayView } from '$lib/server/ir/recording/repository';
import {
	actorOf,
	context,
	createOperator,
	createHospitalMember,
	createInvestor,
	createStartup,
	createUser,
	schedule
} from './ir-support';

let database: Database;
let db: Kysely<DB>;

beforeAll(async () => {
	database = await openRuntimeDatabase();
	db = database.db;
});
afterAll(() => closeRuntimeDatabase(database));

type User = { id: string; email: string; name: string; is_operator: boolean } | null;

function requestEvent(method: string, path: string, user: User, params: Record<string, string> = {}, body?: unknown) {
	const url = new URL(path, 'http://127.0.0.1:3000');
	const request = new Request(url, {
		method,
		headers: { 'content-type': 'application/json' },
		body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body)
	});
	const sessionUser = user
		? {
				...actorOf(user),
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

describe('IR API', () => {
	it('lists what the caller may see; visitors get open sessions only', async () => {
		const startup = await createStartup(db);
		const investorsOnly = await schedule(db, startup.owner, startup.org.id, {
			moderatorId: startup.owner.id,
			access: 'investors',
			titleEn: 'Closed round'
		});
		const open = await schedule(db, startup.owner, startup.org.id, {
			moderatorId: startup.owner.id,
			access: 'open',
			titleEn: 'Open pitch'
		});
		const investor = await createInvestor(db);
		const visitor = await (await listEvents(requestEvent('GET', '/api/v1/ir/events', null))).json();
		expect(visitor.events.map((e: { id: string }) => e.id)).toContain(open.id);
		expect(visitor.events.map((e: { id: string }) => e.id)).not.toContain(investorsOnly.id);
		const mine = await (
			await listEvents(requestEvent('GET', `/api/v1/ir/events?q=${encodeURIComponent('Closed round')}`, investor.user))
		).json();
		expect(mine.events).toHaveLength(1);
		expect(mine.events[0]).toMatchObject({
			id: investorsOnly.id,
			access: 'investors',
			registered: false,
			startup: { slug: startup.org.slug },
			url: `/ir/${investorsOnly.id}`
		});
		// Local dates (Asia/Seoul) bound the start: the session starts two days from now.
		const date = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
		const inRange = await (
			await listEvents(requestEvent('GET', `/api/v1/ir/events?from=${date(-1)}&to=${date(4)}&q=Closed`, investor.user))
		).json();
		expect(inRange.total).toBe(1);
		const after = await (
			await listEvents(requestEvent('GET', `/api/v1/ir/events?from=${date(5)}&q=Closed`, investor.user))
		).json();
		expect(after.total).toBe(0);
		const past = await (
			await listEvents(requestEvent('GET', '/api/v1/ir/events?tab=past&q=Closed', investor.user))
		).json();
		expect(past.total).toBe(0);
		const bad = await listEvents(requestEvent('GET', '/api/v1/ir/events?stage=nonsense', investor.user));
		expect(bad.status).toBe(400);
		expect((await bad.json()).error.code).toBe('validation_failed');
	});

	it('filters by the startup’s field tag and its products’ regulatory stage', async () => {
		const tagged = await createStartup(db);
		const plain = await createStartup(db);
		const term = await db
			.insertInto('taxonomy_terms')
			.values({ vocabulary: 'field', slug: `cardio-${tagged.org.slug}`, name_ko: '심혈관', name_en: 'Cardiology' })
			.returning(['id', 'slug'])
			.executeTakeFirstOrThrow();
		await db.insertInto('organization_terms').values({ org_id: tagged.org.id, term_id: term.id }).execute();
		await db
			.insertInto('products')
			.values({
				org_id: tagged.org.id,
				name_ko: '패치',
				name_en: 'Patch',
				mfds_status: 'approved',
				mfds_class: 2,
				mfds_approval_no: '제허 26-001 호'
			})
			.execute();
		const mine = await schedule(db, tagged.owner, tagged.org.id, {
			moderatorId: tagged.owner.id,
			access: 'open',
			titleEn: 'Filtered pitch'
		});
		await schedule(db, plain.owner, plain.org.id, {
			moderatorId: plain.owner.id,
			access: 'open',
			titleEn: 'Filtered pitch'
		});
		const ids = async (query: string) =>
			(await (await listEvents(requestEvent('GET', `/api/v1/ir/events?q=Filtered&${query}`, null))).json()).events.map(
				(e: { id: string }) => e.id
			);
		expect(await ids(`field=${term.slug}`)).toEqual([mine.id]);
		expect(await ids('stage=mfds_approved')).toEqual([mine.id]);
		expect(await ids('stage=fda_cleared')).toEqual([]);
		expect(await ids('')).toHaveLength(2);
	});

	it('registers with 201, again with 200, and refuses with 401, 403, 404, 409 and 422 problems', async () => {
		const startup = await createStartup(db);
		const event = await schedule(db, startup.owner, startup.org.id, {
			moderatorId: startup.owner.id,
			access: 'investors',
			ndaRequired: true,
			ndaText: 'Secret',
			ndaVersion: 'v3'
		});
		const investor = await createInvestor(db);
		const hospital = await createHospitalMember(db);
		const post = (user: User, body: unknown, id = event.id) =>
			register(requestEvent('POST', `/api/v1/ir/events/${id}/registrations`, user, { id }, body));

		const anonymous = await post(null, { ndaVersion: 'v3' });
		expect(anonymous.status).toBe(401);
		expect((await anonymous.json()).error.code).toBe('unauthenticated');

		const forbidden = await post(hospital.user, { ndaVersion: 'v3' });
		expect(forbidden.status).toBe(403);
		const problem = await forbidden.json();
		expect(problem.error.code).toBe('ir_not_investor');
		expect(problem.error.message.length).toBeGreaterThan(5);

		const stale = await post(investor.user, { ndaVersion: 'v2' });
		expect(stale.status).toBe(422);
		expect((await stale.json()).error.code).toBe('ir_nda_version');

		const malformed = await post(investor.user, '{not json');
		expect(malformed.status).toBe(400);
		expect((await malformed.json()).error.code).toBe('validation_failed');

		const created = await post(investor.user, { ndaVersion: 'v3' });
		expect(created.status).toBe(201);
		expect(await created.json()).toMatchObject({ eventId: event.id, ndaVersion: 'v3', created: true });
		const again = await post(investor.user, { ndaVersion: 'v3' });
		expect(again.status).toBe(200);
		expect((await again.json()).created).toBe(false);

		expect((await post(investor.user, {}, '00000000-0000-4000-8000-000000000000')).status).toBe(404);
		expect((await post(investor.user, {}, 'not-a-uuid')).status).toBe(404);
		await db
			.updateTable('ir_events')
			.set({ status: 'cancelled', cancel_reason: 'Off' })
			.where('id', '=', event.id)
			.execute();
		const closed = await post(investor.user, { ndaVersion: 'v3' });
		expect(closed.status).toBe(409);
		expect((await closed.json()).error.code).toBe('ir_session_closed');
	});

	it('gives analytics to the team and a 404 to everybody else', async () => {
		const startup = await createStartup(db);
		const event = await schedule(db, startup.owner, startup.org.id, { moderatorId: startup.owner.id });
		const get = (user: User) =>
			analytics(requestEvent('GET', `/api/v1/ir/events/${event.id}/analytics`, user, { id: event.id }));
		const ok = await get(startup.admin);
		expect(ok.status).toBe(200);
		expect(await ok.json()).toEqual({
			eventId: event.id,
			registrants: 0,
			attendees: 0,
			peakViewers: 0,
			averageWatchSeconds: 0,
			questions: { pending: 0, approved: 0, answered: 0, dismissed: 0, total: 0 },
			chatMessages: 0,
			meetingRequests: 0,
			replay: { views: 0, viewers: 0, watchedSeconds: 0, liveOnly: 0, replayOnly: 0, both: 0 }
		});
		for (const user of [startup.member, (await createStartup(db)).owner, await createUser(db)]) {
			const refused = await get(user);
			expect(refused.status).toBe(404);
			expect((await refused.json()).error.code).toBe('not_found');
		}
		expect((await get(null)).status).toBe(401);
	});

	it('gives the deck reading per firm to the team and a 404 to investors and other startups', async () => {
		const startup = await createStartup(db);
		const operator = await createOperator(db);
		const pdf = new File([multiPagePdf(2)], 'deck.pdf', { type: 'application/pdf' });
		const event = await schedule(db, startup.owner, startup.org.id, { moderatorId: startup.owner.id }, pdf);
		const job = await db
			.selectFrom('jobs')
			.selectAll()
			.where('key', '=', `${DECK_RENDER_JOB}:${event.deck_upload_id}`)
			.executeTakeFirstOrThrow();
		await deckHandlers[DECK_RENDER_JOB]({ db, job, now: new Date(), origin: context.origin });
		const investor = await createInvestor(db);
		await registerForEvent(db, actorOf(investor.user), event.id, null, context);
		const t0 = Date.parse('2026-12-04T10:00:00Z');
		await recordBeat(db, actorOf(investor.user), event.id, { page: 1, seconds: 12 }, new Date(t0));
		await recordBeat(db, actorOf(investor.user), event.id, { page: 2, seconds: 8 }, new Date(t0 + 15_000));
		const get = (user: User) =>
			deckAnalyticsApi(requestEvent('GET', `/api/v1/ir/events/${event.id}/deck-analytics`, user, { id: event.id }));
		for (const user of [startup.owner, operator]) {
			const ok = await get(user);
			expect(ok.status).toBe(200);
			expect(await ok.json()).toEqual({
				eventId: event.id,
				firms: [{ firm: investor.org.name_en, viewers: 1, totalSeconds: 20, pageSeconds: [12, 8], completed: 1 }]
			});
		}
		for (const user of [investor.user, startup.member, (await createStartup(db)).owner]) {
			const refused = await get(user);
			expect(refused.status).toBe(404);
			expect((await refused.json()).error.code).toBe('not_found');
		}
		expect((await get(null)).status).toBe(401);
	});

	it('tells watched live from watched the replay in the analytics', async () => {
		const startup = await createStartup(db);
		const event = await schedule(db, startup.owner, startup.org.id, { moderatorId: startup.owner.id });
		const [live, replay, both] = [await createUser(db), await createUser(db), await createUser(db)];
		for (const user of [live, both])
			await db.insertInto('ir_attendance').values({ event_id: event.id, user_id: user.id, role: 'viewer' }).execute();
		const recording = await insertRecording(db, event.id, startup.owner.id, new Date());
		for (const [user, seconds] of [
			[replay, 40],
			[replay, 20],
			[both, 15]
		] as const) {
			const view = await insertReplayView(db, { recordingId: recording.id, eventId: event.id, userId: user.id });
			await updateReplayView(db, view.id, user.id, seconds);
		}
		// Another session's views count nowhere here.
		const other = await schedule(db, startup.owner, startup.org.id, { moderatorId: startup.owner.id });
		const otherRecording = await insertRecording(db, other.id, startup.owner.id, new Date());
		await insertReplayView(db, { recordingId: otherRecording.id, eventId: other.id, userId: live.id });
		const response = await analytics(
			requestEvent('GET', `/api/v1/ir/events/${event.id}/analytics`, startup.admin, { id: event.id })
		);
		expect(response.status).toBe(200);
		expect((await response.json()).replay).toEqual({
			views: 3,
			viewers: 2,
			watchedSeconds: 75,
			liveOnly: 1,
			replayOnly: 1,
			both: 1
		});
	});

	it('is in the OpenAPI document with its schemas', () => {
		const doc = buildOpenApiDocument('http://127.0.0.1:3000/api/v1') as {
			paths: Record<string, Record<string, { responses: Record<string, unknown>; requestBody?: unknown }>>;
			components: { schemas: Record<string, unknown> };
		};
		expect(Object.keys(doc.paths)).toEqual(
			expect.arrayContaining([
				'/ir/events',
				'/ir/events/{id}/registrations',
				'/ir/events/{id}/analytics',
				'/ir/events/{id}/deck-analytics'
			])
		);
		expect(Object.keys(doc.paths['/ir/events/{id}/registrations'].post.responses)).toEqual(
			expect.arrayContaining(['200', '201', '403', '404', '409', '422'])
		);
		expect(doc.paths['/ir/events/{id}/registrations'].post.requestBody).toBeDefined();
		expect(doc.components.schemas).toHaveProperty('IrAnalytics');
		expect(doc.components.schemas).toHaveProperty('IrDeckAnalytics');
		expect(doc.components.schemas).toHaveProperty('IrEventList');
	});
});
