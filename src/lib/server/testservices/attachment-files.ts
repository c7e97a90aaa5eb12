// Attachment files of testing-service requests: reading them from a form, storing and listing them.
// No rules about who may act here (see attachments.ts and createRequest in service.ts).
import type { Executor } from '../db';
import { DomainError } from '../errors';
import type { Actor } from '../orgs/access';
import { isFilled, MB, storePdf } from '../uploads/service';

export const MAX_REQUEST_ATTACHMENTS = 5;
export const MAX_REQUEST_ATTACHMENT_BYTES = 10 * MB;

const tooMany = () => new DomainError('upload_too_many', 422, { max: MAX_REQUEST_ATTACHMENTS });

/** The files of a multipart form's `attachments` inputs (blank inputs dropped), at most five. */
export function readRequestAttachments(form: FormData, field = 'attachments'): File[] {
	const files = form.getAll(field).filter(isFilled);
	if (files.length > MAX_REQUEST_ATTACHMENTS) throw tooMany();
	return files;
}

export type RequestAttachment = { id: string; filename: string; size_bytes: number; created_at: Date };

export function listRequestAttachments(db: Executor, requestId: string): Promise<RequestAttachment[]> {
	return db
		.selectFrom('test_request_attachments as a')
		.innerJoin('uploads', 'uploads.id', 'a.upload_id')
		.select(['uploads.id', 'uploads.filename', 'uploads.size_bytes', 'uploads.created_at'])
		.where('a.request_id', '=', requestId)
		.orderBy('a.added_at')
		.orderBy('uploads.id')
		.execute();
}

/** Checks and stores the files and links them to the request, inside the caller's transaction. */
export async function storeRequestAttachments(
	trx: Executor,
	actor: Actor,
	request: { id: string; org_id: string },
	files: File[]
) {
	const existing = await trx
		.selectFrom('test_request_attachments')
		.select((eb) => eb.fn.countAll<string>().as('n'))
		.where('request_id', '=', request.id)
		.executeTakeFirstOrThrow();
	if (Number(existing.n) + files.length > MAX_REQUEST_ATTACHMENTS) throw tooMany();
	const stored = [];
	for (const file of files) {
		const upload = await storePdf(trx, {
			ownerId: actor.id,
			orgId: request.org_id,
			purpose: 'test_request_attachment',
			file,
			maxBytes: MAX_REQUEST_ATTACHMENT_BYTES
		});
		await trx.insertInto('test_request_attachments').values({ request_id: request.id, upload_id: upload.id }).execute();
		stored.push({ id: upload.id, filename: upload.filename });
	}
	return stored;
}

/** Where the API and the pages download an attachment. */
export const attachmentUrl = (requestId: string, uploadId: string) =>
	`/api/v1/test-requests/${requestId}/attachments/${uploadId}`;
