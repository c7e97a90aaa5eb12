// Testing services (issue #20 item 1): a quote is approved only by the requesting organisation's admin,
// the status moves only forward through its steps, the approved total lands in the monthly statement,
// and the report downloads only for those with a part in the request.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import type { DB } from '$lib/server/db';
import { createTestDatabase, type TestDatabase } from './support/database';
import { addMember, createOperator, createOrganization, createUser } from '../factories';
import { createFacility } from './testbed-support';
import { createRequest, decideQuote, getRequest, sendQuote } from '$lib/server/testservices/service';
import { advance, deliverReport, postMessage, reportDownload } from '$lib/server/testservices/progress';
import { getStatement } from '$lib/server/statements/service';
import { NotFoundError } from '$lib/server/errors';

let database: TestDatabase;
let db: Kysely<DB>;
const context = { ip: '127.0.0.1', origin: 'http://127.0.0.1:3000' };
const as = (user: { id: string; is_operator?: boolean }) => ({ id: user.id, isOperator: !!user.is_operator });
const pdf = (name = 'report.pdf') => new File([new TextEncoder().encode('%PDF-1.4\n%test\n%%EOF\n')], name);
const quote = {
	lines: [{ label: 'IEC 60601-1 basic safety', quantity: 2, unitPriceKrw: 1_000_000 }],
	turnaroundDays: 14
};

beforeAll(async () => {
	database = await createTestDatabase();
	db = database.db;
});
afterAll(() => database?.close());

async function scene() {
	const lab = await createFacility(db);
	const company = await createOrganization(db, { kind: 'company' });
	const [admin, member] = [await createUser(db), await createUser(db)];
	await addMember(db, company.id, admin.id, 'admin');
	await addMember(db, company.id, member.id, 'member');
	const other = await createOrganization(db, { kind: 'company' });
	const otherAdmin = await createUser(db);
	await addMember(db, other.id, otherAdmin.id, 'owner');
	const request = await createRequest(
		db,
		as(member),
		{ facilityId: lab.facility.id, standard: 'iec_60601_1', sampleCount: 2, notes: 'ECG patch' },
		context
	);
	return { lab, company, admin, member, otherAdmin, request };
}

describe('testing-service requests', () => {
	it('lets only the requesting organisation admin approve the quote', async () => {
		const s = await scene();
		const quoted = await sendQuote(db, as(s.lab.staff), s.request.id, quote, context);
		expect(quoted.total_krw).toBe(2_200_000);
		expect(quoted.vat_krw).toBe(200_000);
		// Another organisation's admin does not even see the request.
		await expect(decideQuote(db, as(s.otherAdmin), s.request.id, 'approve', context)).rejects.toBeInstanceOf(
			NotFoundError
		);
		await expect(decideQuote(db, as(s.member), s.request.id, 'approve', context)).rejects.toMatchObject({
			code: 'tsvc_not_requesting_admin'
		});
		await expect(decideQuote(db, as(s.lab.staff), s.request.id, 'approve', context)).rejects.toMatchObject({
			code: 'tsvc_not_requesting_admin'
		});
		const approved = await decideQuote(db, as(s.admin), s.request.id, 'approve', context);
		expect(approved.status).toBe('approved');
		// Twice is a conflict, not a second approval.
		await expect(decideQuote(db, as(s.admin), s.request.id, 'decline', context)).rejects.toMatchObject({
			code: 'tsvc_wrong_status'
		});
		const audit = await db.selectFrom('audit_log').select('action').where('entity_id', '=', s.request.id).execute();
		expect(audit.map((a) => a.action)).toEqual(
			expect.arrayContaining(['test_request.created', 'test_request.quoted', 'test_request.approved'])
		);
		const told = await db
			.selectFrom('notifications')
			.select('kind')
			.where('user_id', '=', s.admin.id)
			.where('kind', '=', 'testbed_test_quoted')
			.execute();
		expect(told).toHaveLength(1);
	});

	it('refuses a requester without a verified company and steps out of order', async () => {
		const s = await scene();
		const loner = await createUser(db);
		await expect(
			createRequest(
				db,
				as(loner),
				{ facilityId: s.lab.facility.id, standard: 'iec_62304', sampleCount: 1, notes: '' },
				context
			)
		).rejects.toMatchObject({ code: 'tsvc_not_company_member' });
		await expect(decideQuote(db, as(s.admin), s.request.id, 'approve', context)).rejects.toMatchObject({
			code: 'tsvc_wrong_status'
		});
		await expect(advance(db, as(s.lab.staff), s.request.id, 'receive', context)).rejects.toMatchObject({
			code: 'tsvc_wrong_status'
		});
		await expect(sendQuote(db, as(s.member), s.request.id, quote, context)).rejects.toMatchObject({
			code: 'not_facility_manager'
		});
		// The database refuses an unknown status even if a write path forgot the check.
		await expect(
			db
				.updateTable('test_requests')
				.set({ status: 'lost' as never })
				.where('id', '=', s.request.id)
				.execute()
		).rejects.toThrow();
	});

	it('runs received → in progress → delivered with a due date, and guards the report', async () => {
		const s = await scene();
		await sendQuote(db, as(s.lab.staff), s.request.id, quote, context);
		await decideQuote(db, as(s.admin), s.request.id, 'approve', context);
		const received = await advance(db, as(s.lab.staff), s.request.id, 'receive', context);
		expect(received.status).toBe('received');
		expect(received.due_at!.getTime() - received.received_at!.getTime()).toBe(14 * 86_400_000);
		await advance(db, as(s.lab.staff), s.request.id, 'start', context);
		// A failed upload leaves the request as it was.
		await expect(
			deliverReport(db, as(s.lab.staff), s.request.id, new File(['not a pdf'], 'x.pdf'), context)
		).rejects.toMatchObject({ code: 'upload_not_pdf' });
		expect((await getRequest(db, as(s.member), s.request.id)).request.status).toBe('in_progress');
		const delivered = await deliverReport(db, as(s.lab.staff), s.request.id, pdf(), context);
		expect(delivered.status).toBe('delivered');

		for (const reader of [s.member, s.admin, s.lab.staff, await createOperator(db)]) {
			const response = await reportDownload(db, as(reader), s.request.id);
			expect(response.headers.get('content-type')).toBe('application/pdf');
			expect(new TextDecoder().decode(await response.arrayBuffer())).toContain('%PDF-1.4');
		}
		for (const stranger of [s.otherAdmin, await createUser(db)])
			await expect(reportDownload(db, as(stranger), s.request.id)).rejects.toBeInstanceOf(NotFoundError);
	});

	it('keeps a thread that only the two sides can write to', async () => {
		const s = await scene();
		await postMessage(db, as(s.member), s.request.id, 'Samples ship Monday.', context);
		await postMessage(db, as(s.lab.staff), s.request.id, 'Noted.', context);
		const view = await getRequest(db, as(s.admin), s.request.id);
		expect(view.messages.map((m) => m.body)).toEqual(['Samples ship Monday.', 'Noted.']);
		await expect(postMessage(db, as(s.otherAdmin), s.request.id, 'hi', context)).rejects.toBeInstanceOf(NotFoundError);
	});

	it('charges the approved total in the month of approval, and nothing for a declined quote', async () => {
		const s = await scene();
		await sendQuote(db, as(s.lab.staff), s.request.id, quote, context);
		const declinedOne = await createRequest(
			db,
			as(s.member),
			{ facilityId: s.lab.facility.id, standard: 'other', standardOther: 'ISO 10993-5', sampleCount: 1, notes: '' },
			context
		);
		await sendQuote(db, as(s.lab.staff), declinedOne.id, quote, context);
		await decideQuote(db, as(s.admin), declinedOne.id, 'decline', context);
		const approved = await decideQuote(db, as(s.admin), s.request.id, 'approve', context);
		const month = approved.decided_at!.toLocaleDateString('sv-SE', { timeZone: 'Asia/Seoul' }).slice(0, 7);
		const statement = await getStatement(db, as(s.member), { org: s.company.slug, month });
		expect(statement.testServices).toHaveLength(1);
		expect(statement.testServices[0]).toMatchObject({ id: s.request.id, amountKrw: 2_200_000 });
		expect(statement.totals.testServiceKrw).toBe(2_200_000);
		expect(statement.totals.totalKrw).toBe(statement.totals.testbedKrw + statement.totals.courseKrw + 2_200_000);
	});
});
