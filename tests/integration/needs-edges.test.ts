// Issue #18's needs edge: the responding company adds and removes files on its response after
// submitting it, until the hospital accepts or declines; nobody else may, and every change is audited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import type { DB } from '$lib/server/db';
import type { Database } from '$lib/server/db/connect';
import { DomainError, NotFoundError } from '$lib/server/errors';
import { NotCompanyMemberError, ResponseDecidedError } from '$lib/server/needs/errors';
import { listResponseAttachments } from '$lib/server/needs/attachment-files';
import { addResponseAttachments, removeResponseAttachment } from '$lib/server/needs/attachments';
import { decideResponse } from '$lib/server/needs/responses';
import { respondToNeed } from '$lib/server/needs/service';
import { decisionSchema } from '$lib/server/needs/schemas';
import { closeRuntimeDatabase, openRuntimeDatabase } from './support/runtime-database';
import { actorOf, context, createCompany, createHospital, postNeed } from './needs-support';
import { actions } from '../../src/routes/needs/[id]/responses/[responseId]/+page.server';

let database: Database;
let db: Kysely<DB>;

beforeAll(async () => {
	database = await openRuntimeDatabase();
	db = database.db;
});
afterAll(() => closeRuntimeDatabase(database));

const refusal = (promise: Promise<unknown>) =>
	promise.then(
		() => null,
		(error) => error
	);
const pdf = (name: string) => new File([`%PDF-1.7\n% ${name}\n%%EOF\n`], name, { type: 'application/pdf' });
const filesOf = async (responseId: string) =>
	((await listResponseAttachments(db, [responseId])).get(responseId) ?? []).map((f) => f.filename).sort();

async function submitted() {
	const hospital = await createHospital(db);
	const company = await createCompany(db);
	const other = await createCompany(db);
	const need = await postNeed(db, hospital.staff);
	const response = await respondToNeed(
		db,
		actorOf(company.member),
		need.id,
		{ message: 'Our validation plan', productIds: [] },
		context,
		[pdf('plan.pdf')]
	);
	return { hospital, company, other, need, response };
}

describe('files on a submitted response', () => {
	it('the company adds and removes them until the hospital decides', async () => {
		const { hospital, company, need, response } = await submitted();
		await addResponseAttachments(
			db,
			actorOf(company.owner),
			need.id,
			response.id,
			[pdf('budget.pdf'), pdf('cv.pdf')],
			context
		);
		expect(await filesOf(response.id)).toEqual(['budget.pdf', 'cv.pdf', 'plan.pdf']);
		const plan = ((await listResponseAttachments(db, [response.id])).get(response.id) ?? []).find(
			(f) => f.filename === 'plan.pdf'
		)!;
		await removeResponseAttachment(db, actorOf(company.member), need.id, response.id, plan.id, context);
		expect(await filesOf(response.id)).toEqual(['budget.pdf', 'cv.pdf']);
		expect(await db.selectFrom('uploads').select('id').where('id', '=', plan.id).execute()).toEqual([]);
		const audit = await db
			.selectFrom('audit_log')
			.select('action')
			.where('entity_id', '=', response.id)
			.where('action', 'like', 'need_response.attachment%')
			.orderBy('id')
			.execute();
		expect(audit.map((a) => a.action)).toEqual(['need_response.attachments_added', 'need_response.attachment_removed']);

		// Shortlisting is not a decision yet; accepting is: the files are then fixed.
		await decideResponse(
			db,
			actorOf(hospital.staff),
			response.id,
			decisionSchema.parse({ decision: 'shortlisted' }),
			context
		);
		await addResponseAttachments(db, actorOf(company.member), need.id, response.id, [pdf('update.pdf')], context);
		await decideResponse(
			db,
			actorOf(hospital.staff),
			response.id,
			decisionSchema.parse({ decision: 'accepted' }),
			context
		);
		expect(
			await refusal(
				addResponseAttachments(db, actorOf(company.member), need.id, response.id, [pdf('late.pdf')], context)
			)
		).toBeInstanceOf(ResponseDecidedError);
		const budget = ((await listResponseAttachments(db, [response.id])).get(response.id) ?? []).find(
			(f) => f.filename === 'budget.pdf'
		)!;
		expect(
			await refusal(removeResponseAttachment(db, actorOf(company.member), need.id, response.id, budget.id, context))
		).toBeInstanceOf(ResponseDecidedError);
		expect(await filesOf(response.id)).toEqual(['budget.pdf', 'cv.pdf', 'update.pdf']);
	});

	it('nobody else changes them: the hospital side is refused, other companies and wrong needs see nothing', async () => {
		const { hospital, other, need, response, company } = await submitted();
		const [plan] = (await listResponseAttachments(db, [response.id])).get(response.id)!;
		expect(
			await refusal(addResponseAttachments(db, actorOf(hospital.staff), need.id, response.id, [pdf('x.pdf')], context))
		).toBeInstanceOf(NotCompanyMemberError);
		expect(
			await refusal(removeResponseAttachment(db, actorOf(hospital.staff), need.id, response.id, plan.id, context))
		).toBeInstanceOf(NotCompanyMemberError);
		expect(
			await refusal(addResponseAttachments(db, actorOf(other.owner), need.id, response.id, [pdf('x.pdf')], context))
		).toBeInstanceOf(NotFoundError);
		expect(
			await refusal(removeResponseAttachment(db, actorOf(other.owner), need.id, response.id, plan.id, context))
		).toBeInstanceOf(NotFoundError);
		const elsewhere = await postNeed(db, hospital.staff);
		expect(
			await refusal(
				addResponseAttachments(db, actorOf(company.owner), elsewhere.id, response.id, [pdf('x.pdf')], context)
			)
		).toBeInstanceOf(NotFoundError);
		expect(await filesOf(response.id)).toEqual(['plan.pdf']);
	});

	it('keeps to five files and PDFs only, storing nothing from a refused batch', async () => {
		const { company, need, response } = await submitted();
		const tooMany = await refusal(
			addResponseAttachments(
				db,
				actorOf(company.member),
				need.id,
				response.id,
				[1, 2, 3, 4, 5].map((i) => pdf(`p${i}.pdf`)),
				context
			)
		);
		expect((tooMany as DomainError).code).toBe('upload_too_many');
		const notPdf = await refusal(
			addResponseAttachments(
				db,
				actorOf(company.member),
				need.id,
				response.id,
				[pdf('ok.pdf'), new File(['MZ\x90'], 'tool.exe.pdf')],
				context
			)
		);
		expect((notPdf as DomainError).code).toBe('upload_not_pdf');
		expect(await filesOf(response.id)).toEqual(['plan.pdf']);
	});

	it('through the response page’s form actions, refusing another company with a 404', async () => {
		const { company, other, need, response } = await submitted();
		const event = (userId: string, action: string, form: FormData) =>
			({
				params: { id: need.id, responseId: response.id },
				url: new URL(`/needs/${need.id}/responses/${response.id}?/${action}`, context.origin),
				locals: { user: { id: userId, isOperator: false, emailVerified: true }, locale: 'en' },
				request: new Request(new URL(`/needs/${need.id}/responses/${response.id}?/${action}`, context.origin), {
					method: 'POST',
					body: form
				}),
				getClientAddress: () => '127.0.0.1'
			}) as never;
		const upload = new FormData();
		upload.append('attachments', pdf('annex.pdf'));
		expect(await actions.attach(event(company.member.id, 'attach', upload))).toEqual({ filesDone: true });
		expect(await filesOf(response.id)).toEqual(['annex.pdf', 'plan.pdf']);

		const annex = ((await listResponseAttachments(db, [response.id])).get(response.id) ?? []).find(
			(f) => f.filename === 'annex.pdf'
		)!;
		const removal = new FormData();
		removal.append('uploadId', annex.id);
		const refused = (await actions.detach(event(other.owner.id, 'detach', removal))) as {
			status: number;
			data: { message: string };
		};
		expect(refused.status).toBe(404);
		expect(refused.data.message).toBeTruthy();
		expect(await actions.detach(event(company.member.id, 'detach', removal))).toEqual({ filesDone: true });
		expect(await filesOf(response.id)).toEqual(['plan.pdf']);
	});
});
