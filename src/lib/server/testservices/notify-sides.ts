// Who hears of each step: the requesting organisation (all members or its admins) or the facility's managers.
import type { Executor } from '../db';
import { notifyUser } from '../app/notifications';
import { listFacilityManagerIds } from '../testbed/access';
import type { TestServicesNotificationKind } from './notifications';

type Request = { id: string; org_id: string; facility_id: string; standard: string; standard_other: string | null };
export type Side = 'org' | 'admins' | 'managers';

async function recipients(db: Executor, request: Request, side: Side): Promise<string[]> {
	if (side === 'managers') return listFacilityManagerIds(db, request.facility_id);
	let query = db.selectFrom('memberships').select('user_id').where('org_id', '=', request.org_id);
	if (side === 'admins') query = query.where('role', 'in', ['owner', 'admin']);
	return (await query.execute()).map((r) => r.user_id);
}

/** Inside the transaction of the step; the actor is not told about their own step. */
export async function notifySide(
	db: Executor,
	request: Request,
	side: Side,
	kind: TestServicesNotificationKind,
	actorId: string,
	origin: string
) {
	const standard = request.standard_other ?? request.standard.toUpperCase().replaceAll('_', ' ');
	for (const userId of await recipients(db, request, side))
		if (userId !== actorId)
			await notifyUser(db, { userId, kind, params: { standard }, link: `/testbed/services/${request.id}`, origin });
}
