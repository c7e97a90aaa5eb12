// Per-programme figures, against stand-in programme tables with the agreed columns (the real ones
// come with the programmes branch; `if not exists` lets this test run after that merge too).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, type Kysely } from 'kysely';
import { randomUUID } from 'node:crypto';
import type { DB } from '$lib/server/db';
import type { Database } from '$lib/server/db/connect';
import { ForbiddenError } from '$lib/server/errors';
import { createBooking } from '$lib/server/testbed/booking-create';
import { getProgrammeReport } from '$lib/server/vouchers/programme-report';
import { issueVoucher } from '$lib/server/vouchers/service';
import { createTestDatabase } from './support/database';
import { NEXT_MONDAY, NOW, context, createBooker, createFacility, createResource, slot } from './testbed-support';

let database: Database;
let db: Kysely<DB>;
const operator = { id: randomUUID(), isOperator: true };

beforeAll(async () => {
	database = await createTestDatabase();
	db = database.db;
});
afterAll(() => database.close());

describe('programme report', () => {
	it('is for operators, says when the programme tables are missing, and counts what they hold', async () => {
		await expect(getProgrammeReport(db, { id: randomUUID(), isOperator: false }, randomUUID())).rejects.toBeInstanceOf(ForbiddenError);
		const { rows } = await sql<{ present: boolean }>`select to_regclass('programme_applications') is not null as present`.execute(db);
		if (!rows[0].present) expect(await getProgrammeReport(db, operator, randomUUID())).toEqual({ available: false });

		await sql`create table if not exists programme_calls (id uuid primary key default gen_random_uuid())`.execute(db);
		await sql`create table if not exists programme_applications (id uuid primary key default gen_random_uuid(), call_id uuid not null, organisation_id uuid not null, status text not null, submitted_at timestamptz, decided_at timestamptz)`.execute(db);
		const callId = randomUUID();
		const { facility } = await createFacility(db);
		const resource = await createResource(db, facility.id, { member_rate_krw: 20_000 });
		const chosen = await createBooker(db);
		const others = await Promise.all([createBooker(db), createBooker(db), createBooker(db)]);
		const applications = [
			{ org: chosen.orgId, status: 'selected' },
			{ org: others[0].orgId, status: 'declined' },
			{ org: others[1].orgId, status: 'withdrawn' },
			{ org: others[2].orgId, status: 'draft' }
		];
		for (const a of applications) await sql`insert into programme_applications (call_id, organisation_id, status, submitted_at, decided_at) values (${callId}, ${a.org}, ${a.status}, ${NOW}, ${NOW})`.execute(db);
		await db.transaction().execute((trx) => issueVoucher(trx, { organisationId: chosen.orgId, programmeCallId: callId, amountKrw: 1_000_000, expiresAt: new Date(NOW.getTime() + 200 * 86_400_000), label: 'Pilot' }));
		await createBooking(db, chosen.actor, { ...slot(resource.id, NEXT_MONDAY, 10, 2), payWithVoucher: true }, context, NOW);
		const report = await getProgrammeReport(db, operator, callId);
		expect(report).toMatchObject({ available: true, applications: 3, considered: 2, selected: 1, selectionRate: 0.5, issued_krw: 1_000_000, testbed_krw: 40_000, course_krw: 0, balance_krw: 960_000, equipment_hours: 2, courses_completed: 0, ir_sessions: 0, matched_needs: 0 });
	});
});
