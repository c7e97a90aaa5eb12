// PDF attachments of a testing-service request (specifications, drawings, sample lists): sent with the
// request or added by the requesting organisation while the work is not finished. They are private like
// the report: each download checks that the asker has a part in the request (anyone else gets 404).
import type { Kysely } from 'kysely';
import type { DB, Executor } from '../db';
import type { TestRequestStatus } from '../db/test-services-types';
import { recordAudit } from '../audit/repository';
import { DomainError, NotFoundError } from '../errors';
import type { Actor } from '../orgs/access';
import { uploadResponse } from '../uploads/service';
import { storeRequestAttachments } from './attachment-files';
import { requireVisibleRequest } from './access';
import { NotRequestingMemberError } from './errors';
import { lockInStatus, type Context } from './service';

/** While the facility has not delivered (and nobody cancelled), the requester may still add files. */
export const ATTACHABLE_STATUSES: TestRequestStatus[] = ['requested', 'quoted', 'approved', 'received', 'in_progress'];

/** A member of the requesting organisation adds files while the request is open; all or none are kept. */
export async function addRequestAttachments(db: Kysely<DB>, actor: Actor, id: string, files: File[], context: Context) {
	if (files.length === 0) throw new DomainError('upload_none', 422);
	return db.transaction().execute(async (trx) => {
		const { row, role } = await lockInStatus(trx, actor, id, ATTACHABLE_STATUSES);
		if (!role.orgMember) throw new NotRequestingMemberError();
		const stored = await storeRequestAttachments(trx, actor, row, files);
		await recordAudit(trx, {
			actorId: actor.id,
			action: 'test_request.attachments_added',
			entityType: 'test_request',
			entityId: id,
			data: { files: stored },
			ip: context.ip
		});
		return stored;
	});
}

/** One attachment as a download, for whoever may see the request; 404 otherwise (and for another request's file). */
export async function downloadRequestAttachment(
	db: Executor,
	actor: Actor,
	id: string,
	uploadId: string
): Promise<Response> {
	const { request } = await requireVisibleRequest(db, actor, id);
	const link = await db
		.selectFrom('test_request_attachments')
		.select('upload_id')
		.where('request_id', '=', request.id)
		.where('upload_id', '=', uploadId)
		.executeTakeFirst();
	if (!link) throw new NotFoundError();
	return uploadResponse(db, link.upload_id);
}
