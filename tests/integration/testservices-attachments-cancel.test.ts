// Testing services, attachments and cancelling: PDFs travel with a request (or are added while it is
// open), are refused when they are not PDFs or too large, and download only for those with a part in the
// request; a failed upload leaves neither a request nor an upload. A request is cancelled by the
// requesting organisation's owner/admin or its requester while requested/quoted/approved, declined by the
// facility while requested, and a cancelled quote is neither approvable nor charged.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import type { DB } from '$lib/server/db';
import { createTestDatabase, type TestDatabase } from './support/database';
import { addMember, createOperator, createOrganization, createUser } from '../factories';
import { createFacility } from './testbed-support';
import { createRequest, decideQuote, getRequest, sendQuote } from '$lib/server/testservices/service';
import { advance, deliverReport } from '$lib/server/testservices/progress';
import { addRequestAttachments, downloadRequestAttachment } from '$lib/server/testservices/attachments';
import { readRequestAttachments } from '$lib/server/testservices/attachment-files';
import { cancelOption, cancelRequest } from '$lib/server/testservices/cancel';
import { getStatement } from '$lib/server/statements/service';
import { NotFoundError } from '$lib/server/errors';

let database: TestDatabase;
let db: Kysely<DB>;
const context = { ip: '127.0.0.1', origin: 'http://127.0.0.1:3000' };
const as = (user: { id: string; is_operator?: boolean }) => ({ id: user.id, isOperator: !!user.is_operator });
const pdf = (name = 'spec.pdf', body = 'specification') =>
	new File([new TextEncoder().encode(`%PDF-1.4\n%${body}\n%%EOF\n`)], name, { type: 'application/pdf' });
const quote = {
	lines: [{ label: 'ISO 10993-5 cytotoxicity', quantity: 1, unitPriceKrw: 3_000_000 }],
	turnaroundDays: 10
};

beforeAll(async () => {
	database = await createTestDatabase();
	db = database.db;
});
afterAll(() => database?.close());

async function scene(files: File[] = []) {
	const lab = await createFacility(db);
	const company = await createOrganization(db, { kind: 'company' });
	const [owner, admin, member, colleague] = [
		await createUser(db),
		await createUser(db),
		await createUser(db),
		await createUser(db)
	];
	await addMember(db, company.id, owner.id, 'owner');
	await addMember(db, company.id, admin.id, 'admin');
	await addMember(db, company.id, member.id, 'member');
	await addMember(db, company.id, colleague.id, 'member');
	const other = await createOrganization(db, { kind: 'company' });
	const otherAdmin = await createUser(db);
	await addMember(db, other.id, otherAdmin.id, 'owner');
	const request = await createRequest(
		db,
		as(member),
		{ facilityId: lab.facility.id, standard: 'iso_10993', sampleCount: 3, notes: 'Catheter tip' },
		context,
		files
	);
	return { lab, company, owner, admin, member, colleague, otherAdmin, request };
}

const uploadCount = async () =>
	Number(
		(
			await db
				.selectFrom('uploads')
				.select((eb) => eb.fn.countAll<string>().as('n'))
				.where('purpose', '=', 'test_request_attachment')
				.executeTakeFirstOrThrow()
		).n
	);
const requestCount = async (orgId: string) =>
	Number(
		(
			await db
				.selectFrom('test_requests')
				.select((eb) => eb.fn.countAll<string>().as('n'))
				.where('org_id', '=', orgId)
				.executeTakeFirstOrThrow()
		).n
	);
const kindsFor = async (userId: string) =>
	(await db.selectFrom('notifications').select('kind').where('user_id', '=', userId).execute()).map((n) => n.kind);
const actions = async (id: string) =>
	(await db.selectFrom('audit_log').select(['action', 'data']).where('entity_id', '=', id).execute()).map(
		(a) => a.action
	);

describe('attachments of a testing-service request', () => {
	it('stores PDFs sent with the request, lists them and serves them only to those with a part in it', async () => {
		const s = await scene([pdf('사양서.pdf'), pdf('drawing.pdf', 'drawing')]);
		const view = await getRequest(db, as(s.lab.staff), s.request.id);
		expect(view.attachments.map((a) => a.filename)).toEqual(['사양서.pdf', 'drawing.pdf']);
		const [first] = view.attachments;
		for (const reader of [s.member, s.colleague, s.admin, s.lab.staff, await createOperator(db)]) {
			const response = await downloadRequestAttachment(db, as(reader), s.request.id, first.id);
			expect(response.status).toBe(200);
			expect(response.headers.get('content-type')).toBe('application/pdf');
			expect(response.headers.get('content-disposition')).toContain("filename*=UTF-8''");
			expect(new TextDecoder().decode(await response.arrayBuffer())).toContain('%PDF-1.4');
		}
		for (const stranger of [s.otherAdmin, await createUser(db)])
			await expect(downloadRequestAttachment(db, as(stranger), s.request.id, first.id)).rejects.toBeInstanceOf(
				NotFoundError
			);
		// Another request's id does not unlock this request's file, even for someone who may see both.
		const another = await createRequest(
			db,
			as(s.member),
			{ facilityId: s.lab.facility.id, standard: 'iec_62304', sampleCount: 1, notes: '' },
			context
		);
		await expect(downloadRequestAttachment(db, as(s.member), another.id, first.id)).rejects.toBeInstanceOf(
			NotFoundError
		);
		const created = await db
			.selectFrom('audit_log')
			.select('data')
			.where('entity_id', '=', s.request.id)
			.where('action', '=', 'test_request.created')
			.executeTakeFirstOrThrow();
		expect(JSON.stringify(created.data)).toContain('drawing.pdf');
	});

	it('refuses a non-PDF, an oversize file and a sixth file, leaving no request and no upload behind', async () => {
		const s = await scene();
		const [requestsBefore, uploadsBefore] = [await requestCount(s.company.id), await uploadCount()];
		const input = { facilityId: s.lab.facility.id, standard: 'iec_60601_1' as const, sampleCount: 1, notes: '' };
		// The first file is fine; the second is not a PDF: nothing of either is kept.
		await expect(
			createRequest(db, as(s.member), input, context, [pdf(), new File(['GIF89a...'], 'photo.pdf')])
		).rejects.toMatchObject({ code: 'upload_not_pdf', status: 422 });
		const big = new Uint8Array(10 * 1024 * 1024 + 1);
		big.set(new TextEncoder().encode('%PDF-1.4\n'));
		await expect(createRequest(db, as(s.member), input, context, [new File([big], 'huge.pdf')])).rejects.toMatchObject({
			code: 'upload_too_large',
			status: 413
		});
		await expect(createRequest(db, as(s.member), input, context, [new File([], 'empty.pdf')])).rejects.toMatchObject({
			code: 'upload_empty'
		});
		expect(await requestCount(s.company.id)).toBe(requestsBefore);
		expect(await uploadCount()).toBe(uploadsBefore);
		// A form with six files is refused before anything is stored.
		const form = new FormData();
		for (let i = 0; i < 6; i++) form.append('attachments', pdf(`f${i}.pdf`));
		expect(() => readRequestAttachments(form)).toThrow(expect.objectContaining({ code: 'upload_too_many' }));
		// Blank file inputs (a browser's empty File) are not files.
		const blank = new FormData();
		blank.append('attachments', new File([], ''));
		expect(readRequestAttachments(blank)).toEqual([]);
	});

	it('lets the requesting organisation add files while the request is open, all or none, audited', async () => {
		const s = await scene([pdf('a.pdf'), pdf('b.pdf')]);
		await sendQuote(db, as(s.lab.staff), s.request.id, quote, context);
		const added = await addRequestAttachments(db, as(s.colleague), s.request.id, [pdf('d.pdf')], context);
		expect(added.map((a) => a.filename)).toEqual(['d.pdf']);
		expect(await actions(s.request.id)).toContain('test_request.attachments_added');
		// The facility reads files but does not add them; a stranger does not see the request.
		await expect(addRequestAttachments(db, as(s.lab.staff), s.request.id, [pdf()], context)).rejects.toMatchObject({
			code: 'tsvc_not_requesting_member',
			status: 403
		});
		await expect(addRequestAttachments(db, as(s.otherAdmin), s.request.id, [pdf()], context)).rejects.toBeInstanceOf(
			NotFoundError
		);
		// A good file with a bad one: neither is kept.
		const before = await uploadCount();
		await expect(
			addRequestAttachments(db, as(s.member), s.request.id, [pdf('e.pdf'), new File(['<html>'], 'x.pdf')], context)
		).rejects.toMatchObject({ code: 'upload_not_pdf' });
		expect(await uploadCount()).toBe(before);
		// Five in all at most (three so far).
		await expect(
			addRequestAttachments(db, as(s.member), s.request.id, [pdf('e.pdf'), pdf('f.pdf'), pdf('g.pdf')], context)
		).rejects.toMatchObject({ code: 'upload_too_many' });
		expect((await getRequest(db, as(s.member), s.request.id)).attachments.map((a) => a.filename)).toEqual([
			'a.pdf',
			'b.pdf',
			'd.pdf'
		]);
		await expect(addRequestAttachments(db, as(s.member), s.request.id, [], context)).rejects.toMatchObject({
			code: 'upload_none'
		});
		// Once the report is delivered the request is finished.
		await decideQuote(db, as(s.admin), s.request.id, 'approve', context);
		await advance(db, as(s.lab.staff), s.request.id, 'receive', context);
		await addRequestAttachments(db, as(s.member), s.request.id, [pdf('late.pdf')], context);
		await deliverReport(db, as(s.lab.staff), s.request.id, pdf('report.pdf'), context);
		await expect(addRequestAttachments(db, as(s.member), s.request.id, [pdf()], context)).rejects.toMatchObject({
			code: 'tsvc_wrong_status'
		});
	});
});

describe('cancelling a testing-service request', () => {
	it('lets the requester and the organisation admins cancel, and nobody else', async () => {
		const s = await scene();
		const { request } = await getRequest(db, as(s.colleague), s.request.id);
		// A member who did not make the request, the other company, the facility after its quote.
		await expect(cancelRequest(db, as(s.colleague), s.request.id, '', context)).rejects.toMatchObject({
			code: 'tsvc_not_allowed_to_cancel',
			status: 403
		});
		await expect(cancelRequest(db, as(s.otherAdmin), s.request.id, '', context)).rejects.toBeInstanceOf(NotFoundError);
		expect(cancelOption(as(s.colleague), (await getRequest(db, as(s.colleague), s.request.id)).role, request)).toBe(
			null
		);
		expect(cancelOption(as(s.member), (await getRequest(db, as(s.member), s.request.id)).role, request)).toBe('cancel');
		expect(cancelOption(as(s.lab.staff), (await getRequest(db, as(s.lab.staff), s.request.id)).role, request)).toBe(
			'decline'
		);

		const cancelled = await cancelRequest(db, as(s.member), s.request.id, '  Budget moved to Q3  ', context);
		expect(cancelled).toMatchObject({
			status: 'cancelled',
			cancelled_by: s.member.id,
			cancel_reason: 'Budget moved to Q3',
			cancelled_by_facility: false
		});
		expect(cancelled.cancelled_at).toBeInstanceOf(Date);
		expect(await actions(s.request.id)).toContain('test_request.cancelled');
		expect(await kindsFor(s.lab.staff.id)).toContain('testbed_test_cancelled');
		// Cancelled is final: not twice, not quoted, not approved.
		await expect(cancelRequest(db, as(s.owner), s.request.id, '', context)).rejects.toMatchObject({
			code: 'tsvc_wrong_status'
		});
		await expect(sendQuote(db, as(s.lab.staff), s.request.id, quote, context)).rejects.toMatchObject({
			code: 'tsvc_wrong_status'
		});

		// The owner cancels a quoted request someone else made: its quote is no longer approvable.
		const quoted = await scene();
		await sendQuote(db, as(quoted.lab.staff), quoted.request.id, quote, context);
		await expect(cancelRequest(db, as(quoted.lab.staff), quoted.request.id, 'no', context)).rejects.toMatchObject({
			code: 'tsvc_wrong_status'
		});
		await cancelRequest(db, as(quoted.owner), quoted.request.id, '', context);
		await expect(decideQuote(db, as(quoted.admin), quoted.request.id, 'approve', context)).rejects.toMatchObject({
			code: 'tsvc_wrong_status'
		});
	});

	it('stops at the samples: no cancelling once received', async () => {
		const s = await scene();
		await sendQuote(db, as(s.lab.staff), s.request.id, quote, context);
		await decideQuote(db, as(s.admin), s.request.id, 'approve', context);
		await advance(db, as(s.lab.staff), s.request.id, 'receive', context);
		await expect(cancelRequest(db, as(s.admin), s.request.id, '', context)).rejects.toMatchObject({
			code: 'tsvc_wrong_status',
			status: 409
		});
		const { request, role } = await getRequest(db, as(s.admin), s.request.id);
		expect(request.status).toBe('received');
		expect(cancelOption(as(s.admin), role, request)).toBe(null);
	});

	it('lets the facility decline a new request with a reason; the company is told', async () => {
		const s = await scene();
		const declined = await cancelRequest(db, as(s.lab.staff), s.request.id, 'No capacity this month', context);
		expect(declined).toMatchObject({
			status: 'cancelled',
			cancelled_by: s.lab.staff.id,
			cancelled_by_facility: true,
			cancel_reason: 'No capacity this month'
		});
		expect(await actions(s.request.id)).toContain('test_request.refused');
		for (const user of [s.member, s.admin, s.colleague])
			expect(await kindsFor(user.id)).toContain('testbed_test_refused');
		expect(await kindsFor(s.lab.staff.id)).not.toContain('testbed_test_refused');
	});

	it('leaves an approved-then-cancelled quote out of the monthly statement', async () => {
		const s = await scene();
		await sendQuote(db, as(s.lab.staff), s.request.id, quote, context);
		const approved = await decideQuote(db, as(s.admin), s.request.id, 'approve', context);
		const month = approved.decided_at!.toLocaleDateString('sv-SE', { timeZone: 'Asia/Seoul' }).slice(0, 7);
		const before = await getStatement(db, as(s.admin), { org: s.company.slug, month });
		expect(before.testServices.map((t) => t.id)).toContain(s.request.id);
		await cancelRequest(db, as(s.admin), s.request.id, 'Project stopped', context);
		const after = await getStatement(db, as(s.admin), { org: s.company.slug, month });
		expect(after.testServices.map((t) => t.id)).not.toContain(s.request.id);
		expect(after.totals.testServiceKrw).toBe(before.totals.testServiceKrw - 3_300_000);
	});

	it('keeps a cancelled row consistent in the database and leaves nothing half-written on refusal', async () => {
		const s = await scene();
		// The database refuses 'cancelled' without its time, whatever the write path.
		await expect(
			db.updateTable('test_requests').set({ status: 'cancelled' }).where('id', '=', s.request.id).execute()
		).rejects.toThrow();
		// A refused cancel changes nothing and records nothing.
		await expect(cancelRequest(db, as(s.colleague), s.request.id, 'x', context)).rejects.toMatchObject({
			code: 'tsvc_not_allowed_to_cancel'
		});
		const { request } = await getRequest(db, as(s.member), s.request.id);
		expect(request).toMatchObject({ status: 'requested', cancelled_at: null, cancel_reason: '' });
		expect(await actions(s.request.id)).not.toContain('test_request.cancelled');
		expect(await kindsFor(s.lab.staff.id)).not.toContain('testbed_test_cancelled');
	});
});
