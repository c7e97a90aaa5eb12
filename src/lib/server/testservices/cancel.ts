// Ending a request before the work starts. The requesting organisation's owner or admin, or the member
// who made the request, cancels it while it is requested, quoted or approved (once the samples are
// received the facility has started and the request runs to its report). The facility's manager may
// decline a request it has not quoted yet. Both end in 'cancelled' with who, when, why and which side;
// the other side is told, and an approved-then-cancelled quote leaves the monthly statement (it bills
// only approved … delivered requests).
import type { Kysely } from 'kysely';
import type { DB } from '../db';
import type { TestRequestStatus } from '../db/test-services-types';
import { recordAudit } from '../audit/repository';
import type { Actor } from '../orgs/access';
import { NotAllowedToCancelError, WrongStatusError } from './errors';
import type { Role } from './access';
import { notifySide } from './notify-sides';
import * as repo from './repository';
import { lockInStatus, type Context } from './service';

export const CANCELLABLE_STATUSES: TestRequestStatus[] = ['requested', 'quoted', 'approved'];
export const DECLINABLE_STATUSES: TestRequestStatus[] = ['requested'];

/** Whether the actor cancels as the requesting side (owner/admin, or the member who asked). */
export const cancelsAsRequester = (actor: Actor, role: Role, request: { requested_by: string | null }) =>
	role.orgAdmin || (role.orgMember && request.requested_by === actor.id);

/** What the actor may do now: cancel as requester, decline as the facility, or neither. */
export function cancelOption(
	actor: Actor,
	role: Role,
	request: { status: TestRequestStatus; requested_by: string | null }
): 'cancel' | 'decline' | null {
	if (cancelsAsRequester(actor, role, request) && CANCELLABLE_STATUSES.includes(request.status)) return 'cancel';
	if (role.manager && DECLINABLE_STATUSES.includes(request.status)) return 'decline';
	return null;
}

export async function cancelRequest(db: Kysely<DB>, actor: Actor, id: string, reason: string, context: Context) {
	reason = reason.trim();
	return db.transaction().execute(async (trx) => {
		const { row: before, role } = await lockInStatus(trx, actor, id, CANCELLABLE_STATUSES);
		const asRequester = cancelsAsRequester(actor, role, before);
		if (!asRequester && !role.manager) throw new NotAllowedToCancelError();
		// The facility only declines what it has not quoted; after a quote the organisation decides.
		if (!asRequester && !DECLINABLE_STATUSES.includes(before.status)) throw new WrongStatusError(before.status);
		const row = await repo.updateRequest(trx, id, {
			status: 'cancelled',
			cancelled_by: actor.id,
			cancelled_at: new Date(),
			cancel_reason: reason,
			cancelled_by_facility: !asRequester
		});
		await recordAudit(trx, {
			actorId: actor.id,
			action: asRequester ? 'test_request.cancelled' : 'test_request.refused',
			entityType: 'test_request',
			entityId: id,
			data: { from: before.status, reason, totalKrw: before.total_krw },
			ip: context.ip
		});
		if (asRequester) await notifySide(trx, row, 'managers', 'testbed_test_cancelled', actor.id, context.origin);
		else await notifySide(trx, row, 'org', 'testbed_test_refused', actor.id, context.origin);
		return row;
	});
}
