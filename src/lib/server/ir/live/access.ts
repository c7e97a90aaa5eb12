// Who may enter a live IR session, and in which role: the moderator and operators run it, presenters
// present, and registered attendees (current NDA; for investor sessions, still an investor) watch.
import type { Executor } from '../../db';
import type { IrLiveRole } from '../../db/ir-live-types';
import type { IrEventRow } from '../../db/ir-types';
import { NotFoundError } from '../../errors';
import { LiveAccessDeniedError, LiveSessionClosedError } from './errors';
import * as liveRepository from './repository';

export type LiveActor = { id: string; isOperator: boolean };
export type LiveAccess = { event: IrEventRow; role: IrLiveRole };

/** The role `actor` has in the session, regardless of its status; throws when they have none. */
export async function resolveLiveRole(db: Executor, actor: LiveActor, event: IrEventRow): Promise<IrLiveRole> {
	if (event.moderator_id === actor.id || actor.isOperator) return 'moderator';
	if (await liveRepository.isPresenter(db, event.id, actor.id)) return 'presenter';
	if (await liveRepository.isRemoved(db, event.id, actor.id)) throw new LiveAccessDeniedError('removed');
	const registration = await liveRepository.findActiveRegistration(db, event.id, actor.id);
	if (!registration) throw new LiveAccessDeniedError('not_registered');
	if (event.nda_required && registration.nda_version !== event.nda_version)
		throw new LiveAccessDeniedError('nda_outdated');
	if (event.access === 'investors' && !(await liveRepository.isVerifiedInvestor(db, actor.id)))
		throw new LiveAccessDeniedError('not_investor');
	return 'viewer';
}

/** The session and the actor's role, when the room is open to them now (scheduled or live). */
export async function requireLiveAccess(db: Executor, actor: LiveActor, eventId: string): Promise<LiveAccess> {
	const event = await liveRepository.findEvent(db, eventId);
	if (!event) throw new NotFoundError();
	const role = await resolveLiveRole(db, actor, event);
	if (event.status === 'cancelled') throw new LiveSessionClosedError('session_cancelled');
	if (event.status === 'ended') throw new LiveSessionClosedError('session_ended');
	return { event, role };
}
