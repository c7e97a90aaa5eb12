// PDF attachments of needs (the hospital side adds and removes them) and of responses (sent with the
// proposal). Files are private: each download checks that the asker may see the need or the response.
import type { Kysely } from 'kysely';
import type { DB, Executor } from '../db';
import { recordAudit } from '../audit/repository';
import { DomainError, NotFoundError } from '../errors';
import type { Actor } from '../orgs/access';
import { deleteUpload, uploadResponse } from '../uploads/service';
import { needRole } from './access';
import { MAX_ATTACHMENTS, storeNeedAttachments, storeResponseAttachments } from './attachment-files';
import { NotCompanyMemberError, NotHospitalSideError, ResponseDecidedError } from './errors';
import { requireResponseAccess } from './responses';
import { requireVisibleNeed, type Context } from './service';

/** The hospital side (author, reviewers, admins) adds attachments to a need after posting it. */
export async function addNeedAttachments(
	db: Kysely<DB>,
	actor: Actor,
	needId: string,
	files: File[],
	context: Context
) {
	if (files.length === 0) throw new DomainError('upload_none', 422);
	return db.transaction().execute(async (trx) => {
		const need = await requireVisibleNeed(trx, actor, needId);
		if (!(await needRole(trx, actor, need)).hospitalSide) throw new NotHospitalSideError();
		const stored = await storeNeedAttachments(trx, actor, need.id, files);
		await recordAudit(trx, {
			actorId: actor.id,
			action: 'need.attachments_added',
			entityType: 'need',
			entityId: need.id,
			data: { files: stored },
			ip: context.ip
		});
		return stored;
	});
}

export async function removeNeedAttachment(
	db: Kysely<DB>,
	actor: Actor,
	needId: string,
	uploadId: string,
	context: Context
) {
	return db.transaction().execute(async (trx) => {
		const need = await requireVisibleNeed(trx, actor, needId);
		if (!(await needRole(trx, actor, need)).hospitalSide) throw new NotHospitalSideError();
		const link = await trx
			.selectFrom('need_attachments')
			.innerJoin('uploads', 'uploads.id', 'need_attachments.upload_id')
			.select(['uploads.id', 'uploads.filename'])
			.where('need_id', '=', need.id)
			.where('upload_id', '=', uploadId)
			.executeTakeFirst();
		if (!link) throw new NotFoundError();
		await deleteUpload(trx, link.id);
		await recordAudit(trx, {
			actorId: actor.id,
			action: 'need.attachment_removed',
			entityType: 'need',
			entityId: need.id,
			data: { file: link },
			ip: context.ip
		});
	});
}

/** The responding company changes its files while the hospital has not decided (submitted or shortlisted). */
async function requireOpenOwnResponse(trx: Executor, actor: Actor, needId: string, responseId: string) {
	const { response, need, side } = await requireResponseAccess(trx, actor, responseId, { lock: true });
	if (response.need_id !== needId) throw new NotFoundError();
	if (side !== 'company') throw new NotCompanyMemberError();
	if (response.status === 'accepted' || response.status === 'declined') throw new ResponseDecidedError();
	return { response, need };
}

export async function addResponseAttachments(
	db: Kysely<DB>,
	actor: Actor,
	needId: string,
	responseId: string,
	files: File[],
	context: Context
) {
	if (files.length === 0) throw new DomainError('upload_none', 422);
	return db.transaction().execute(async (trx) => {
		const { response } = await requireOpenOwnResponse(trx, actor, needId, responseId);
		const existing = await trx
			.selectFrom('need_response_attachments')
			.select((eb) => eb.fn.countAll<string>().as('n'))
			.where('response_id', '=', response.id)
			.executeTakeFirstOrThrow();
		if (Number(existing.n) + files.length > MAX_ATTACHMENTS)
			throw new DomainError('upload_too_many', 422, { max: MAX_ATTACHMENTS });
		const stored = await storeResponseAttachments(trx, actor, response.id, files);
		await recordAudit(trx, {
			actorId: actor.id,
			action: 'need_response.attachments_added',
			entityType: 'need_response',
			entityId: response.id,
			data: { needId, files: stored },
			ip: context.ip
		});
		return stored;
	});
}

export async function removeResponseAttachment(
	db: Kysely<DB>,
	actor: Actor,
	needId: string,
	responseId: string,
	uploadId: string,
	context: Context
) {
	return db.transaction().execute(async (trx) => {
		const { response } = await requireOpenOwnResponse(trx, actor, needId, responseId);
		const link = await trx
			.selectFrom('need_response_attachments')
			.innerJoin('uploads', 'uploads.id', 'need_response_attachments.upload_id')
			.select(['uploads.id', 'uploads.filename'])
			.where('response_id', '=', response.id)
			.where('upload_id', '=', uploadId)
			.executeTakeFirst();
		if (!link) throw new NotFoundError();
		await deleteUpload(trx, link.id);
		await recordAudit(trx, {
			actorId: actor.id,
			action: 'need_response.attachment_removed',
			entityType: 'need_response',
			entityId: response.id,
			data: { needId, file: link },
			ip: context.ip
		});
	});
}

/** A need's attachment, for anybody who may see the need; 404 otherwise. */
export async function downloadNeedAttachment(
	db: Executor,
	actor: Actor,
	needId: string,
	uploadId: string
): Promise<Response> {
	const need = await requireVisibleNeed(db, actor, needId);
	const link = await db
		.selectFrom('need_attachments')
		.select('upload_id')
		.where('need_id', '=', need.id)
		.where('upload_id', '=', uploadId)
		.executeTakeFirst();
	if (!link) throw new NotFoundError();
	return uploadResponse(db, link.upload_id);
}

/** A response's attachment, for the hospital side and the responding company only; 404 otherwise. */
export async function downloadResponseAttachment(
	db: Executor,
	actor: Actor,
	needId: string,
	responseId: string,
	uploadId: string
): Promise<Response> {
	const { response } = await requireResponseAccess(db, actor, responseId);
	if (response.need_id !== needId) throw new NotFoundError();
	const link = await db
		.selectFrom('need_response_attachments')
		.select('upload_id')
		.where('response_id', '=', response.id)
		.where('upload_id', '=', uploadId)
		.executeTakeFirst();
	if (!link) throw new NotFoundError();
	return uploadResponse(db, link.upload_id);
}
