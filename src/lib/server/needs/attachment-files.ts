// Attachment files of needs and responses: reading them from a form, storing and listing them.
// No rules about who may act here (see attachments.ts and the services that call these).
import type { Executor } from '../db';
import { DomainError } from '../errors';
import type { Actor } from '../orgs/access';
import { isFilled, MB, storePdf } from '../uploads/service';

export const MAX_ATTACHMENTS = 5;
export const MAX_ATTACHMENT_BYTES = 10 * MB;

/** The files of a multipart form's `attachments` inputs (blank inputs dropped), at most five. */
export function readAttachments(form: FormData, field = 'attachments'): File[] {
	const files = form.getAll(field).filter(isFilled);
	if (files.length > MAX_ATTACHMENTS) throw new DomainError('upload_too_many', 422, { max: MAX_ATTACHMENTS });
	return files;
}

export type AttachmentSummary = { id: string; filename: string; size_bytes: number; created_at: Date };

const summary = ['uploads.id', 'uploads.filename', 'uploads.size_bytes', 'uploads.created_at'] as const;

export function listNeedAttachments(db: Executor, needId: string): Promise<AttachmentSummary[]> {
	return db
		.selectFrom('need_attachments')
		.innerJoin('uploads', 'uploads.id', 'need_attachments.upload_id')
		.select(summary)
		.where('need_attachments.need_id', '=', needId)
		.orderBy('uploads.created_at')
		.execute();
}

/** Attachments per response, for the responses the caller already may see. */
export async function listResponseAttachments(
	db: Executor,
	responseIds: string[]
): Promise<Map<string, AttachmentSummary[]>> {
	const byResponse = new Map<string, AttachmentSummary[]>();
	if (responseIds.length === 0) return byResponse;
	const rows = await db
		.selectFrom('need_response_attachments')
		.innerJoin('uploads', 'uploads.id', 'need_response_attachments.upload_id')
		.select([...summary, 'need_response_attachments.response_id'])
		.where('need_response_attachments.response_id', 'in', responseIds)
		.orderBy('uploads.created_at')
		.execute();
	for (const { response_id, ...row } of rows)
		byResponse.set(response_id, [...(byResponse.get(response_id) ?? []), row]);
	return byResponse;
}

/** Stores the files and links them to the need, inside the caller's transaction. */
export async function storeNeedAttachments(trx: Executor, actor: Actor, needId: string, files: File[]) {
	const existing = await trx
		.selectFrom('need_attachments')
		.select((eb) => eb.fn.countAll<string>().as('n'))
		.where('need_id', '=', needId)
		.executeTakeFirstOrThrow();
	if (Number(existing.n) + files.length > MAX_ATTACHMENTS)
		throw new DomainError('upload_too_many', 422, { max: MAX_ATTACHMENTS });
	const stored = [];
	for (const file of files) {
		const upload = await storePdf(trx, {
			ownerId: actor.id,
			purpose: 'need_attachment',
			file,
			maxBytes: MAX_ATTACHMENT_BYTES
		});
		await trx.insertInto('need_attachments').values({ need_id: needId, upload_id: upload.id }).execute();
		stored.push({ id: upload.id, filename: upload.filename });
	}
	return stored;
}

/** Stores the files and links them to a response, inside the caller's transaction. */
export async function storeResponseAttachments(trx: Executor, actor: Actor, responseId: string, files: File[]) {
	const stored = [];
	for (const file of files) {
		const upload = await storePdf(trx, {
			ownerId: actor.id,
			purpose: 'need_response_attachment',
			file,
			maxBytes: MAX_ATTACHMENT_BYTES
		});
		await trx
			.insertInto('need_response_attachments')
			.values({ response_id: responseId, upload_id: upload.id })
			.execute();
		stored.push({ id: upload.id, filename: upload.filename });
	}
	return stored;
}
