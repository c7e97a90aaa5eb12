// What the live room's page shows before the socket joins: the session, who presents, and the
// reader's role. The same access rules as the socket's join apply; an ended session shows its end.
import type { Executor } from '../../db';
import { NotFoundError } from '../../errors';
import { resolveLiveRole, type LiveActor } from './access';
import { LiveSessionClosedError } from './errors';
import * as liveRepository from './repository';

export async function readLiveRoomPage(db: Executor, actor: LiveActor, eventId: string) {
	const event = await liveRepository.findEvent(db, eventId);
	if (!event) throw new NotFoundError();
	const role = await resolveLiveRole(db, actor, event);
	if (event.status === 'cancelled') throw new LiveSessionClosedError('session_cancelled');
	const org = await db
		.selectFrom('organizations')
		.select(['name_ko', 'name_en'])
		.where('id', '=', event.org_id)
		.executeTakeFirstOrThrow();
	const presenters = await db
		.selectFrom('ir_event_presenters')
		.innerJoin('users', 'users.id', 'ir_event_presenters.user_id')
		.select(['users.id', 'users.name'])
		.where('ir_event_presenters.event_id', '=', eventId)
		.orderBy('users.name')
		.execute();
	return { event, role, org, presenters };
}
