// Follow-up meetings after an IR session: an investor registered for it asks the startup for a 1:1,
// through the shared meeting scheduler (context 'ir_event', requester = the investor's firm).
import type { Kysely } from 'kysely';
import type { DB, Executor } from '../db';
import { isUniqueViolation } from '../db/errors';
import type { Actor } from '../orgs/access';
import type { MeetingRequestInput } from '../meetings/schemas';
import { requestMeeting, type Context } from '../meetings/service';
import { listInvestorOrgs } from './access';
import { MeetingExistsError, MeetingNotAllowedError, SessionClosedError } from './errors';
import { findTeaserEvent } from './registration';
import * as irRepository from './repository';

/** The investor firm the actor asks for and the startup asked; refused unless registered and an investor. */
export async function irMeetingParties(db: Executor, actor: Actor, eventId: string, requesterOrgId?: string) {
	const event = await findTeaserEvent(db, actor, eventId);
	if (event.status === 'cancelled') throw new SessionClosedError();
	const registration = await irRepository.findRegistration(db, eventId, actor.id);
	const investorOrgs = await listInvestorOrgs(db, actor.id);
	const org = requesterOrgId ? investorOrgs.find((o) => o.id === requesterOrgId) : investorOrgs[0];
	if (!registration || registration.cancelled_at !== null || !org) throw new MeetingNotAllowedError();
	return { event, requesterOrg: org, investorOrgs, recipientOrgId: event.org_id };
}

export async function requestIrMeeting(
	db: Kysely<DB>,
	actor: Actor,
	eventId: string,
	requesterOrgId: string | undefined,
	input: MeetingRequestInput,
	context: Context
) {
	const parties = await irMeetingParties(db, actor, eventId, requesterOrgId);
	const open = await listOrgRequests(db, eventId, parties.requesterOrg.id);
	if (open.some((r) => r.status === 'requested' || r.status === 'accepted')) throw new MeetingExistsError();
	// The check above answers the usual case; the unique index settles two colleagues asking at once.
	return requestMeeting(
		db,
		actor,
		{
			contextType: 'ir_event',
			contextId: eventId,
			requesterOrgId: parties.requesterOrg.id,
			recipientOrgId: parties.recipientOrgId
		},
		input,
		context
	).catch((error) => {
		throw isUniqueViolation(error, 'meeting_requests_ir_open_key') ? new MeetingExistsError() : error;
	});
}

/** The investor firm's meeting requests about this session, newest first. */
export function listOrgRequests(db: Executor, eventId: string, orgId: string) {
	return db
		.selectFrom('meeting_requests')
		.select(['id', 'status', 'created_at'])
		.where('context_type', '=', 'ir_event')
		.where('context_id', '=', eventId)
		.where('requester_org_id', '=', orgId)
		.orderBy('created_at', 'desc')
		.execute();
}
