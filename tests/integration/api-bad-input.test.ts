// Inputs that used to answer 500 or say too much (issue #23 items 8 and 10): bookings whose end is
// not after their start, and the ranking of companies for a need outside the hospital side.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, type Kysely } from 'kysely';
import type { DB } from '$lib/server/db';
import type { Database } from '$lib/server/db/connect';
import * as m from '$lib/paraglide/messages';
import { createLogger } from '$lib/server/logger';
import { createBooking } from '$lib/server/testbed/booking-create';
import { addDays, localParts, mondayOf } from '$lib/server/common/zoned-time';
import { POST as book } from '../../src/routes/api/v1/bookings/+server';
import { PATCH as reschedule } from '../../src/routes/api/v1/bookings/[id]/+server';
import { GET as matchesOf } from '../../src/routes/api/v1/needs/[id]/matches/+server';
import { closeRuntimeDatabase, openRuntimeDatabase } from './support/runtime-database';
import { at, context, createBooker, createFacility, createResource, TZ } from './testbed-support';
import { createCompany, createHospital, postNeed } from './needs-support';
import { createUser } from '../factories';

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
	user: { id: string; email: string; name: string },
	params: Record<string, string> = {},
	body?: unknown
) {
	const url = new URL(path, 'http://127.0.0.1:3000');
	const request = new Request(url, {
		method,
		headers: { 'content-type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body)
	});
	const sessionUser = {
		id: user.id,
		email: user.email,
		name: user.name,
		locale: 'en' as const,
		timeZone: TZ,
		isOperator: false,
		emailVerified: true
	};
	return {
		url,
		request,
		params,
		locals: { user: sessionUser, authVia: 'bearer', locale: 'en', timeZone: TZ, log: createLogger('silent') },
		getClientAddress: () => '192.0.2.1'
	} as never;
}

// The endpoints use the real clock: book a weekday a week or more ahead, inside opening hours.
const nextMonday = () => addDays(mondayOf(localParts(new Date(), TZ).date), 7);

describe('bookings with the end before the start', () => {
	it('POST answers 422 end_before_start, translated, and books nothing', async () => {
		const { facility } = await createFacility(db);
		const resource = await createResource(db, facility.id);
		const booker = await createBooker(db);
		for (const [start, end] of [
			[at(nextMonday(), 11), at(nextMonday(), 10)],
			[at(nextMonday(), 10), at(nextMonday(), 10)]
		]) {
			const response = await book(
				requestEvent(
					'POST',
					'/api/v1/bookings',
					booker.user,
					{},
					{ resourceId: resource.id, start: start.toISOString(), end: end.toISOString(), purpose: 'backwards' }
				)
			);
			expect(response.status).toBe(422);
			expect(await response.json()).toEqual({
				error: { code: 'end_before_start', message: m.testbed_error_end_before_start() }
			});
		}
		expect(await db.selectFrom('bookings').select('id').where('resource_id', '=', resource.id).execute()).toHaveLength(
			0
		);
		// A malformed body is still a 400.
		expect(
			(
				await book(
					requestEvent('POST', '/api/v1/bookings', booker.user, {}, { resourceId: resource.id, start: 'soon' })
				)
			).status
		).toBe(400);
	});

	it('PATCH answers 422 end_before_start and keeps the booking as it was', async () => {
		const { facility } = await createFacility(db);
		const resource = await createResource(db, facility.id);
		const booker = await createBooker(db);
		const booking = await createBooking(
			db,
			booker.actor,
			{ resourceId: resource.id, start: at(nextMonday(), 10), end: at(nextMonday(), 11), purpose: 'test' },
			context
		);
		const response = await reschedule(
			requestEvent(
				'PATCH',
				`/api/v1/bookings/${booking.id}`,
				booker.user,
				{ id: booking.id },
				{ start: at(nextMonday(), 15).toISOString(), end: at(nextMonday(), 14).toISOString() }
			)
		);
		expect(response.status).toBe(422);
		expect((await response.json()).error.code).toBe('end_before_start');
		const row = await db
			.selectFrom('bookings')
			.select(sql<Date>`lower(during)`.as('starts_at'))
			.where('id', '=', booking.id)
			.executeTakeFirstOrThrow();
		expect(row.starts_at.getTime()).toBe(at(nextMonday(), 10).getTime());
	});
});

describe('GET /api/v1/needs/{id}/matches', () => {
	it('shows the ranking to the hospital side only, as the need page does', async () => {
		const hospital = await createHospital(db);
		const company = await createCompany(db, { name_en: 'Rhythmwatch', description_en: 'Arrhythmia screening' });
		const need = await postNeed(db, hospital.staff, { title_en: 'Arrhythmia screening validation' });
		const path = `/api/v1/needs/${need.id}/matches`;

		const author = await matchesOf(requestEvent('GET', path, hospital.staff, { id: need.id }));
		expect(author.status).toBe(200);
		expect((await author.json()).matches).toBeInstanceOf(Array);
		expect((await matchesOf(requestEvent('GET', path, hospital.admin, { id: need.id }))).status).toBe(200);

		// A company that can see (and respond to) the need, and a hospital colleague not on it.
		for (const user of [company.member, company.owner, hospital.colleague]) {
			const response = await matchesOf(requestEvent('GET', path, user, { id: need.id }));
			expect(response.status).toBe(403);
			expect((await response.json()).error.code).toBe('needs_not_hospital_side');
		}
		// Somebody who may not see the need at all still gets 404.
		const stranger = await createUser(db);
		expect((await matchesOf(requestEvent('GET', path, stranger, { id: need.id }))).status).toBe(404);
	});
});
