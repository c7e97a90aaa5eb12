// CSRF on the JSON API (issue #23 item 7): writes authenticated by the session cookie must come from
// this origin; bearer tokens and reads are unaffected. Endpoints called as SvelteKit calls them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import type { DB } from '$lib/server/db';
import type { Database } from '$lib/server/db/connect';
import type { UserRow } from '$lib/server/db/types';
import * as m from '$lib/paraglide/messages';
import { createLogger } from '$lib/server/logger';
import { POST as enrolInCohort } from '../../src/routes/api/v1/cohorts/[id]/enrolments/+server';
import { POST as approve } from '../../src/routes/api/v1/bookings/[id]/approve/+server';
import { POST as checkIn } from '../../src/routes/api/v1/bookings/[id]/check-in/+server';
import { POST as noShow } from '../../src/routes/api/v1/bookings/[id]/no-show/+server';
import { GET as readBooking } from '../../src/routes/api/v1/bookings/[id]/+server';
import { POST as placeLiveRoom } from '../../src/routes/ir/[id]/live/placement/+server';
import { closeRuntimeDatabase, openRuntimeDatabase } from './support/runtime-database';
import { createCohort, createCourse, createProvider, createTrainee, DAY } from './courses-support';

const ORIGIN = 'http://127.0.0.1:3000';
let database: Database;
let db: Kysely<DB>;

beforeAll(async () => {
	database = await openRuntimeDatabase();
	db = database.db;
});
afterAll(() => closeRuntimeDatabase(database));

function requestEvent(
	method: string,
	path: string,
	user: UserRow,
	authVia: 'cookie' | 'bearer',
	headers: Record<string, string>,
	params: Record<string, string>
) {
	const url = new URL(path, ORIGIN);
	// No content type at all: the request SvelteKit's own CSRF check lets through.
	const request = new Request(url, { method, headers });
	const sessionUser = {
		id: user.id,
		email: user.email,
		name: user.name,
		locale: 'en' as const,
		timeZone: 'Asia/Seoul',
		isOperator: false,
		emailVerified: true
	};
	return {
		url,
		request,
		params,
		locals: { user: sessionUser, authVia, locale: 'en', timeZone: 'Asia/Seoul', log: createLogger('silent') },
		getClientAddress: () => '192.0.2.1'
	} as never;
}

async function openCohort() {
	const provider = await createProvider(db);
	const course = await createCourse(db, provider.org.id);
	return createCohort(db, course.id, {
		enrol_opens_at: new Date(Date.now() - DAY),
		enrol_closes_at: new Date(Date.now() + 14 * DAY)
	});
}

const enrolmentsOf = (cohortId: string, userId: string) =>
	db.selectFrom('enrolments').select('id').where('cohort_id', '=', cohortId).where('user_id', '=', userId).execute();

describe('cross-site cookie writes to /api/v1', () => {
	it('refuses a cross-site enrolment with the cookie (403 cross_site_request) and writes nothing', async () => {
		const cohort = await openCohort();
		const { user } = await createTrainee(db);
		const path = `/api/v1/cohorts/${cohort.id}/enrolments`;
		for (const headers of [
			{ origin: 'https://evil.example' },
			{ origin: 'null' },
			{},
			{ 'sec-fetch-site': 'cross-site' }
		] as Record<string, string>[]) {
			const response = await enrolInCohort(requestEvent('POST', path, user, 'cookie', headers, { id: cohort.id }));
			expect(response.status).toBe(403);
			const body = await response.json();
			expect(body.error.code).toBe('cross_site_request');
			expect(body.error.message).toBe(m.error_cross_site_request());
		}
		expect(await enrolmentsOf(cohort.id, user.id)).toHaveLength(0);
	});

	it('accepts the same write from this origin, and from a bearer token anywhere', async () => {
		const cohort = await openCohort();
		const viaPage = await createTrainee(db);
		const viaFetchMetadata = await createTrainee(db);
		const viaToken = await createTrainee(db);
		const path = `/api/v1/cohorts/${cohort.id}/enrolments`;
		expect(
			(await enrolInCohort(requestEvent('POST', path, viaPage.user, 'cookie', { origin: ORIGIN }, { id: cohort.id })))
				.status
		).toBe(201);
		expect(
			(
				await enrolInCohort(
					requestEvent(
						'POST',
						path,
						viaFetchMetadata.user,
						'cookie',
						{ 'sec-fetch-site': 'same-origin' },
						{ id: cohort.id }
					)
				)
			).status
		).toBe(201);
		expect(
			(
				await enrolInCohort(
					requestEvent('POST', path, viaToken.user, 'bearer', { origin: 'https://evil.example' }, { id: cohort.id })
				)
			).status
		).toBe(201);
		expect(await enrolmentsOf(cohort.id, viaPage.user.id)).toHaveLength(1);
	});

	it('refuses cross-site approve, check-in and no-show before looking at the booking; reads stay open', async () => {
		const { user } = await createTrainee(db);
		const id = crypto.randomUUID();
		for (const handler of [approve, checkIn, noShow]) {
			const response = await handler(
				requestEvent('POST', `/api/v1/bookings/${id}/x`, user, 'cookie', { origin: 'https://evil.example' }, { id })
			);
			expect(response.status).toBe(403);
			expect((await response.json()).error.code).toBe('cross_site_request');
		}
		// A GET from anywhere is not a write: it gets the ordinary answer (no such booking).
		expect(
			(
				await readBooking(
					requestEvent('GET', `/api/v1/bookings/${id}`, user, 'cookie', { origin: 'https://evil.example' }, { id })
				)
			).status
		).toBe(404);
	});

	it('refuses a cross-site request to place a live room (it would take a lease)', async () => {
		const { user } = await createTrainee(db);
		const id = crypto.randomUUID();
		const response = await placeLiveRoom(
			requestEvent('POST', `/ir/${id}/live/placement`, user, 'cookie', { origin: 'https://evil.example' }, { id })
		);
		expect(response.status).toBe(403);
		expect((await response.json()).error.code).toBe('cross_site_request');
		// From the page itself the request goes on to the room's access rule (an unknown room: 404).
		expect(
			(
				await placeLiveRoom(
					requestEvent('POST', `/ir/${id}/live/placement`, user, 'cookie', { origin: ORIGIN }, { id })
				)
			).status
		).toBe(404);
	});
});
