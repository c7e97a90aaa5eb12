// After approval the facility works: samples received (the due date starts), test in progress, report
// delivered as a PDF. The report and the request's attachments download only for those with a part in it.
import type { Kysely } from 'kysely';
import type { DB, Executor } from '../db';
import { recordAudit } from '../audit/repository';
import { NotFoundError } from '../errors';
import type { Actor } from '../orgs/access';
import { NotFacilityManagerError } from '../testbed/errors';
import { MB, storePdf, uploadResponse } from '../uploads/service';
import { requireVisibleRequest } from './access';
import { notifySide } from './notify-sides';
import { dueDate } from './quote';
import * as repo from './repository';
import { lockInStatus, type Context } from './service';

export const MAX_REPORT_BYTES = 20 * MB;

export async function advance(db: Kysely<DB>, actor: Actor, id: string, step: 'receive' | 'start', context: Context) {
	return db.transaction().execute(async (trx) => {
		const { row: before, role } = await lockInStatus(trx, actor, id, step === 'receive' ? ['approved'] : ['received']);
		if (!role.manager) throw new NotFacilityManagerError();
		const now = new Date();
		const row = await repo.updateRequest(
			trx,
			id,
			step === 'receive'
				? { status: 'received', received_at: now, due_at: dueDate(now, before.turnaround_days ?? 0) }
				: { status: 'in_progress' }
		);
		await recordAudit(trx, {
			actorId: actor.id,
			action: `test_request.${row.status}`,
			entityType: 'test_request',
			entityId: id,
			data: { dueAt: row.due_at },
			ip: context.ip
		});
		await notifySide(trx, row, 'org', 'testbed_test_progress', actor.id, context.origin);
		return row;
	});
}

/** The manager delivers the report PDF; the upload and the status change commit together or not at all. */
export async function deliverReport(db: Kysely<DB>, actor: Actor, id: string, file: File, context: Context) {
	return db.transaction().execute(async (trx) => {
		const { row: before, role } = await lockInStatus(trx, actor, id, ['received', 'in_progress']);
		if (!role.manager) throw new NotFacilityManagerError();
		const stored = await storePdf(trx, {
			ownerId: actor.id,
			orgId: before.org_id,
			purpose: 'test_report',
			file,
			maxBytes: MAX_REPORT_BYTES
		});
		const row = await repo.updateRequest(trx, id, {
			status: 'delivered',
			delivered_at: new Date(),
			report_upload_id: stored.id
		});
		await recordAudit(trx, {
			actorId: actor.id,
			action: 'test_request.delivered',
			entityType: 'test_request',
			entityId: id,
			data: { report: stored },
			ip: context.ip
		});
		await notifySide(trx, row, 'org', 'testbed_test_delivered', actor.id, context.origin);
		return row;
	});
}

/** The report as a download; 404 for anyone without a part in the request, as for need attachments. */
export async function reportDownload(db: Executor, actor: Actor, id: string): Promise<Response> {
	const { request } = await requireVisibleRequest(db, actor, id);
	if (!request.report_upload_id) throw new NotFoundError();
	return uploadResponse(db, request.report_upload_id);
}

/** A message in the request's thread, from either side; the other side is told. */
export async function postMessage(db: Kysely<DB>, actor: Actor, id: string, body: string, context: Context) {
	return db.transaction().execute(async (trx) => {
		const { request, role } = await requireVisibleRequest(trx, actor, id);
		const message = await repo.insertMessage(trx, id, actor.id, body);
		await recordAudit(trx, {
			actorId: actor.id,
			action: 'test_request.message',
			entityType: 'test_request',
			entityId: id,
			data: { messageId: message.id },
			ip: context.ip
		});
		await notifySide(trx, request, role.manager ? 'org' : 'managers', 'testbed_test_message', actor.id, context.origin);
		return message;
	});
}
