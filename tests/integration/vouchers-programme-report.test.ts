// Selection grants the call's support voucher once per company, and the programme report counts
// applications, the selection rate, voucher use and what the selected companies did, for operators
// and the call's managers only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, type Kysely } from 'kysely';
import { randomUUID } from 'node:crypto';
import type { DB } from '$lib/server/db';
import type { Database } from '$lib/server/db/connect';
import { ForbiddenError } from '$lib/server/errors';
import { createBooking } from '$lib/server/testbed/booking-create';
import { submitApplication, withdrawApplication } from '$lib/server/programmes/applications';
import { decideApplication } from '$lib/server/programmes/selection';
import { getProgrammeReport } from '$lib/server/vouchers/programme-report';
import { createTestDatabase } from './support/database';
import { NEXT_MONDAY, NOW, context, createBooker, createFacility, createResource, slot } from './testbed-support';
import { actorOf, answers, closeCall, createAgency, createApplicant, createCall } from './programmes-support';

let database: Database;
let db: Kysely<DB>;
const operator = { id: randomUUID(), isOperator: true };

beforeAll(async () => {
	database = await createTestDatabase();
	db = database.db;
});
afterAll(() => database.close());

const vouchersOf = (orgId: string, callId: string) =>
	db.selectFrom('vouchers').selectAll().where('org_id', '=', orgId).where('programme_call_id', '=', callId).execute();

describe('programme support vouchers and report', () => {
	it('issues the voucher on selection and on promotion from the reserve list, once per company', async () => {
		const agency = await createAgency(db);
		const call = await createCall(db, agency.org.id, { places: 1 });
		const company = async () => {
			const { org, owner } = await createApplicant(db);
			return { orgId: org.id, actor: actorOf(owner) };
		};
		const [first, second] = [await company(), await company()];
		const apply = (b: { orgId: string; actor: ReturnType<typeof actorOf> }) =>
			submitApplication(
				db,
				b.actor,
				{ callId: call.id, organisationId: b.orgId, answers },
				{ ip: '127.0.0.1', origin: 'http://127.0.0.1' }
			);
		const [a1, a2] = [await apply(first), await apply(second)];
		await closeCall(db, call.id);
		const decide = (applicationId: string, decision: 'selected' | 'reserve') =>
			decideApplication(
				db,
				actorOf(agency.manager),
				call.id,
				{ applicationId, decision, reason: '' },
				{ ip: '127.0.0.1', origin: 'http://127.0.0.1' }
			);
		await decide(a1.id, 'selected');
		await decide(a2.id, 'reserve');
		const issued = await vouchersOf(first.orgId, call.id);
		expect(issued).toHaveLength(1);
		expect(issued[0]).toMatchObject({
			amount_krw: call.voucher_amount_krw,
			balance_krw: call.voucher_amount_krw,
			label_en: call.title_en
		});
		expect(issued[0]!.expires_at.getTime()).toBe(call.programme_ends_at.getTime());
		expect(await vouchersOf(second.orgId, call.id)).toHaveLength(0);
		// The selected company withdraws: the reserve moves up and gets its voucher, exactly once.
		await withdrawApplication(db, first.actor, a1.id, { ip: '127.0.0.1', origin: 'http://127.0.0.1' });
		expect(await vouchersOf(second.orgId, call.id)).toHaveLength(1);
	});

	it('is for operators and the call managers, and counts what the programme holds', async () => {
		const agency = await createAgency(db);
		const call = await createCall(db, agency.org.id);
		await expect(getProgrammeReport(db, { id: randomUUID(), isOperator: false }, call.id)).rejects.toBeInstanceOf(
			ForbiddenError
		);
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
		for (const a of applications)
			await sql`insert into programme_applications (call_id, organisation_id, status, submitted_at, decided_at) values (${call.id}, ${a.org}, ${a.status}, ${NOW}, ${NOW})`.execute(
				db
			);
		const { issueVoucher } = await import('$lib/server/vouchers/service');
		await db.transaction().execute((trx) =>
			issueVoucher(trx, {
				organisationId: chosen.orgId,
				programmeCallId: call.id,
				amountKrw: 1_000_000,
				expiresAt: new Date(NOW.getTime() + 200 * 86_400_000),
				label: 'Pilot'
			})
		);
		await createBooking(
			db,
			chosen.actor,
			{ ...slot(resource.id, NEXT_MONDAY, 10, 2), payWithVoucher: true },
			context,
			NOW
		);
		const expected = {
			applications: 3,
			considered: 2,
			selected: 1,
			selectionRate: 0.5,
			issued_krw: 1_000_000,
			testbed_krw: 40_000,
			course_krw: 0,
			balance_krw: 960_000,
			equipment_hours: 2,
			courses_completed: 0,
			ir_sessions: 0,
			matched_needs: 0
		};
		expect(await getProgrammeReport(db, operator, call.id)).toMatchObject(expected);
		expect(await getProgrammeReport(db, actorOf(agency.manager), call.id)).toMatchObject(expected);
	});
});
