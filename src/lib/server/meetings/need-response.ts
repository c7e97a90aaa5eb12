// Meetings proposed on an accepted need response, by either side to the other organisation.
import type { Kysely } from 'kysely';
import type { DB, Executor } from '../db';
import type { Actor } from '../orgs/access';
import { isMemberOf } from '../needs/access';
import { requireResponseAccess } from '../needs/responses';
import { NotFoundError } from '../errors';
import { MeetingContextClosedError } from './errors';
import type { MeetingRequestInput } from './schemas';
import { requestMeeting, type Context } from './service';

/** The two organisations of an accepted response as the actor sees them (404 if they cannot see it). */
export async function responseMeetingParties(db: Executor, actor: Actor, responseId: string) {
	const { response, need, side } = await requireResponseAccess(db, actor, responseId);
	if (response.status !== 'accepted') throw new MeetingContextClosedError();
	const [own, other] =
		side === 'hospital' ? [need.hospital_org_id, response.org_id] : [response.org_id, need.hospital_org_id];
	// A reviewer outside the hospital's organisation cannot speak for it.
	if (!(await isMemberOf(db, actor.id, own))) throw new NotFoundError();
	return { requesterOrgId: own, recipientOrgId: other, responseId: response.id };
}

export async function proposeMeetingOnResponse(
	db: Kysely<DB>,
	actor: Actor,
	responseId: string,
	input: MeetingRequestInput,
	context: Context
) {
	const parties = await responseMeetingParties(db, actor, responseId);
	return requestMeeting(
		db,
		actor,
		{
			contextType: 'need_response',
			contextId: parties.responseId,
			requesterOrgId: parties.requesterOrgId,
			recipientOrgId: parties.recipientOrgId
		},
		input,
		context
	);
}
