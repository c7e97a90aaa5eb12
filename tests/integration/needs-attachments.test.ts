// PDF attachments of needs and responses: checked on the way in, stored with their record in one
// transaction, and readable only by those who may see the need or the response.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import type { DB } from '$lib/server/db';
import type { Database } from '$lib/server/db/connect';
import { DomainError, NotFoundError } from '$lib/server/errors';
import { NotHospitalSideError } from '$lib/server/needs/errors';
import { listNeedAttachments, listResponseAttachments, readAttachments } from '$lib/server/needs/attachment-files';
import {
	addNeedAttachments,
	downloadNeedAttachment,
	downloadResponseAttachment,
	removeNeedAttachment
} from '$lib/server/needs/attachments';
import { createNeed, respondToNeed } from '$lib/server/needs/service';
import { newNeedSchema } from '$lib/server/needs/schemas';
import { cleanFilename, contentDisposition, looksLikePdf } from '$lib/server/uploads/service';
import { createTestDatabase } from './support/database';
import { actorOf, context, createCompany, createHospital, postNeed } from './needs-support';

let database: Database;
let db: Kysely<DB>;

beforeAll(async () => {
	database = await createTestDatabase();
	db = database.db;
});
afterAll(() => database.close());

const refusal = (promise: Promise<unknown>) =>
	promise.then(
		() => null,
		(error) => error
	);
const pdf = (name: string, body = 'protocol outline') =>
	new File([`%PDF-1.7\n% ${body}\n%%EOF\n`], name, { type: 'application/pdf' });
const countUploads = async () =>
	Number(
		(
			await db
				.selectFrom('uploads')
				.select((eb) => eb.fn.countAll<string>().as('n'))
				.executeTakeFirstOrThrow()
		).n
	);

describe('need attachments', () => {
	it('stores PDFs with the need and serves them to those who may see it, byte for byte', async () => {
		const hospital = await createHospital(db);
		const company = await createCompany(db);
		const input = newNeedSchema.parse({ title_en: 'ECG patch validation', type: 'clinical_validation' });
		const need = await createNeed(db, actorOf(hospital.staff), input, context, [
			pdf('프로토콜 개요.pdf'),
			pdf('requirements.pdf', 'second')
		]);
		const files = await listNeedAttachments(db, need.id);
		expect(files.map((f) => f.filename).sort()).toEqual(['requirements.pdf', '프로토콜 개요.pdf']);

		const korean = files.find((f) => f.filename.startsWith('프로토콜'))!;
		const download = await downloadNeedAttachment(db, actorOf(company.member), need.id, korean.id);
		expect(download.headers.get('content-type')).toBe('application/pdf');
		expect(download.headers.get('x-content-type-options')).toBe('nosniff');
		expect(download.headers.get('content-disposition')).toContain(
			`filename*=UTF-8''${encodeURIComponent('프로토콜 개요.pdf')}`
		);
		expect(await download.text()).toBe('%PDF-1.7\n% protocol outline\n%%EOF\n');
	});

	it('posts nothing when one file is not a PDF or is too large', async () => {
		const hospital = await createHospital(db);
		const before = await countUploads();
		const needsBefore = Number(
			(
				await db
					.selectFrom('needs')
					.select((eb) => eb.fn.countAll<string>().as('n'))
					.executeTakeFirstOrThrow()
			).n
		);
		const input = newNeedSchema.parse({ title_en: 'Broken upload', type: 'joint_research' });
		const fake = new File(['<html>not a pdf</html>'], 'evil.pdf', { type: 'application/pdf' });
		const notPdf = await refusal(createNeed(db, actorOf(hospital.staff), input, context, [pdf('ok.pdf'), fake]));
		expect(notPdf).toBeInstanceOf(DomainError);
		expect((notPdf as DomainError).code).toBe('upload_not_pdf');
		const huge = new File([new Uint8Array(10 * 1024 * 1024 + 1).fill(37)], 'huge.pdf');
		expect(((await refusal(createNeed(db, actorOf(hospital.staff), input, context, [huge]))) as DomainError).code).toBe(
			'upload_too_large'
		);
		expect(await countUploads()).toBe(before);
		expect(
			Number(
				(
					await db
						.selectFrom('needs')
						.select((eb) => eb.fn.countAll<string>().as('n'))
						.executeTakeFirstOrThrow()
				).n
			)
		).toBe(needsBefore);
	});

	it('keeps an invited-only need’s files from everybody not invited', async () => {
		const hospital = await createHospital(db);
		const invited = await createCompany(db);
		const stranger = await createCompany(db);
		const need = await postNeed(db, hospital.staff, { visibility: 'invited', invited: [invited.org.id] });
		const [file] = await addNeedAttachments(db, actorOf(hospital.staff), need.id, [pdf('scope.pdf')], context);
		expect((await downloadNeedAttachment(db, actorOf(invited.member), need.id, file.id)).status).toBe(200);
		expect(await refusal(downloadNeedAttachment(db, actorOf(stranger.owner), need.id, file.id))).toBeInstanceOf(
			NotFoundError
		);
		// The id of a file belonging to another need does not open through this need.
		const other = await postNeed(db, hospital.staff);
		expect(await refusal(downloadNeedAttachment(db, actorOf(invited.member), other.id, file.id))).toBeInstanceOf(
			NotFoundError
		);
	});

	it('lets only the hospital side add and remove files, at most five, with an audit trail', async () => {
		const hospital = await createHospital(db);
		const company = await createCompany(db);
		const need = await postNeed(db, hospital.staff);
		expect(
			await refusal(addNeedAttachments(db, actorOf(company.owner), need.id, [pdf('mine.pdf')], context))
		).toBeInstanceOf(NotHospitalSideError);
		expect(
			await refusal(addNeedAttachments(db, actorOf(hospital.colleague), need.id, [pdf('mine.pdf')], context))
		).toBeInstanceOf(NotHospitalSideError);
		const added = await addNeedAttachments(
			db,
			actorOf(hospital.admin),
			need.id,
			[1, 2, 3, 4].map((i) => pdf(`part-${i}.pdf`)),
			context
		);
		const tooMany = await refusal(
			addNeedAttachments(db, actorOf(hospital.staff), need.id, [pdf('5.pdf'), pdf('6.pdf')], context)
		);
		expect((tooMany as DomainError).code).toBe('upload_too_many');
		expect(await listNeedAttachments(db, need.id)).toHaveLength(4);

		expect(
			await refusal(removeNeedAttachment(db, actorOf(company.owner), need.id, added[0].id, context))
		).toBeInstanceOf(NotHospitalSideError);
		await removeNeedAttachment(db, actorOf(hospital.staff), need.id, added[0].id, context);
		expect(await listNeedAttachments(db, need.id)).toHaveLength(3);
		expect(
			await db.selectFrom('uploads').select('id').where('id', '=', added[0].id).executeTakeFirst()
		).toBeUndefined();
		const actions = (await db.selectFrom('audit_log').select('action').where('entity_id', '=', need.id).execute()).map(
			(r) => r.action
		);
		expect(actions).toEqual(expect.arrayContaining(['need.attachments_added', 'need.attachment_removed']));
	});
});

describe('response attachments', () => {
	it('are readable by the hospital side and the responding company only', async () => {
		const hospital = await createHospital(db);
		const alpha = await createCompany(db);
		const beta = await createCompany(db);
		const need = await postNeed(db, hospital.staff);
		const response = await respondToNeed(
			db,
			actorOf(alpha.member),
			need.id,
			{ message: 'Our validation plan', productIds: [] },
			context,
			[pdf('plan.pdf')]
		);
		await respondToNeed(db, actorOf(beta.member), need.id, { message: 'Ours', productIds: [] }, context);
		const [file] = (await listResponseAttachments(db, [response.id])).get(response.id)!;
		expect(file.filename).toBe('plan.pdf');
		for (const reader of [hospital.staff, alpha.owner]) {
			expect((await downloadResponseAttachment(db, actorOf(reader), need.id, response.id, file.id)).status).toBe(200);
		}
		for (const outsider of [beta.owner, beta.member, hospital.colleague]) {
			expect(
				await refusal(downloadResponseAttachment(db, actorOf(outsider), need.id, response.id, file.id))
			).toBeInstanceOf(NotFoundError);
		}
		// The response id under another need's URL is refused too.
		const other = await postNeed(db, hospital.staff);
		expect(
			await refusal(downloadResponseAttachment(db, actorOf(hospital.staff), other.id, response.id, file.id))
		).toBeInstanceOf(NotFoundError);
	});

	it('submits no response when an attachment is refused', async () => {
		const hospital = await createHospital(db);
		const company = await createCompany(db);
		const need = await postNeed(db, hospital.staff);
		const refused = await refusal(
			respondToNeed(db, actorOf(company.member), need.id, { message: 'Plan', productIds: [] }, context, [
				new File(['MZ\x90'], 'tool.exe.pdf')
			])
		);
		expect((refused as DomainError).code).toBe('upload_not_pdf');
		expect(await db.selectFrom('need_responses').select('id').where('need_id', '=', need.id).execute()).toHaveLength(0);
		// …and the company can still respond properly afterwards.
		await respondToNeed(db, actorOf(company.member), need.id, { message: 'Plan', productIds: [] }, context, [
			pdf('plan.pdf')
		]);
	});
});

describe('upload checks', () => {
	it('recognise PDFs, clean names and quote them for a header', () => {
		expect(looksLikePdf(new TextEncoder().encode('%PDF-1.4 ...'))).toBe(true);
		expect(looksLikePdf(new TextEncoder().encode('\n\n%PDF-1.4'))).toBe(true);
		expect(looksLikePdf(new TextEncoder().encode('GIF89a'))).toBe(false);
		expect(cleanFilename('../../etc/passwd')).toBe('passwd.pdf');
		expect(cleanFilename('C:\\Users\\me\\계획서.PDF')).toBe('계획서.PDF');
		expect(cleanFilename('a\r\nb".pdf')).toBe('ab.pdf');
		expect(contentDisposition('계획 "v2".pdf')).toBe(
			`attachment; filename="__ _v2_.pdf"; filename*=UTF-8''${encodeURIComponent('계획 "v2".pdf')}`
		);
	});

	it('refuse more than five files in one form', () => {
		const form = new FormData();
		for (let i = 0; i < 6; i++) form.append('attachments', pdf(`${i}.pdf`));
		expect(() => readAttachments(form)).toThrow(DomainError);
		const blank = new FormData();
		blank.append('attachments', new File([], ''));
		expect(readAttachments(blank)).toEqual([]);
	});
});
