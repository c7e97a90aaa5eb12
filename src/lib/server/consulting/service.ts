// Consulting sessions of a programme call: the call's managers name consultants (people of the running
// organisation or anybody with an account); a selected company asks one of them for a session through
// the meeting scheduler, which the consultant alone accepts or declines.
import type { Kysely } from 'kysely';
import type { DB, Executor } from '../db';
import { recordAudit } from '../audit/repository';
import { NotFoundError } from '../errors';
import { requestMeeting, type Context } from '../meetings/service';
import type { MeetingRequestInput } from '../meetings/schemas';
import type { Actor } from '../orgs/access';
import { isCallManager, isMemberOf, requireCallManager } from '../programmes/access';
import * as programmeRepository from '../programmes/repository';
import {
	ConsultingEndedError,
	NotSelectedCompanyError,
	OwnConsultantError,
	SlotAfterProgrammeEndError,
	UnknownConsultantError
} from './errors';
import * as consultingRepository from './repository';

async function requireCall(db: Executor, callId: string) {
	const call = await programmeRepository.findCall(db, callId);
	if (!call) throw new NotFoundError();
	return call;
}

export async function addConsultant(
	db: Kysely<DB>,
	actor: Actor,
	callId: string,
	who: { userId: string } | { email: string },
	context: Context
) {
	return db.transaction().execute(async (trx) => {
		const call = await requireCall(trx, callId);
		await requireCallManager(trx, actor, call);
		const user =
			'email' in who
				? await consultingRepository.findActiveUserByEmail(trx, who.email)
				: (await consultingRepository.listOrgPeople(trx, call.org_id)).find((p) => p.id === who.userId);
		if (!user) throw 'email' in who ? new UnknownConsultantError(who.email) : new NotFoundError();
		const added = await consultingRepository.addConsultant(trx, call.id, user.id, actor.id);
		if (added)
			await recordAudit(trx, {
				actorId: actor.id,
				action: 'programme_call.consultant_added',
				entityType: 'programme_call',
				entityId: call.id,
				data: { userId: user.id },
				ip: context.ip
			});
		return user;
	});
}

/** Requests already sent to the consultant stay theirs to answer. */
export async function removeConsultant(db: Kysely<DB>, actor: Actor, callId: string, userId: string, context: Context) {
	return db.transaction().execute(async (trx) => {
		const call = await requireCall(trx, callId);
		await requireCallManager(trx, actor, call);
		const removed = await consultingRepository.removeConsultant(trx, call.id, userId);
		if (!removed) throw new NotFoundError();
		await recordAudit(trx, {
			actorId: actor.id,
			action: 'programme_call.consultant_removed',
			entityType: 'programme_call',
			entityId: call.id,
			data: { userId },
			ip: context.ip
		});
	});
}

export type ConsultingParties = { organisationId: string; consultantId: string };

/** A member of a company selected in the call asks one of the call's consultants for a session. */
export async function requestConsulting(
	db: Kysely<DB>,
	actor: Actor,
	callId: string,
	parties: ConsultingParties,
	input: MeetingRequestInput,
	context: Context,
	now = new Date()
) {
	const call = await requireCall(db, callId);
	const selected = await consultingRepository.listSelectedOrgsOf(db, call.id, actor.id);
	const org = selected.find((o) => o.id === parties.organisationId);
	if (!org || org.id === call.org_id) throw new NotSelectedCompanyError();
	if (!(await consultingRepository.isConsultant(db, call.id, parties.consultantId))) throw new NotFoundError();
	if (await isMemberOf(db, parties.consultantId, org.id)) throw new OwnConsultantError();
	if (call.programme_ends_at <= now) throw new ConsultingEndedError();
	if (input.slots.some((s) => s.endsAt > call.programme_ends_at)) throw new SlotAfterProgrammeEndError();
	return requestMeeting(
		db,
		actor,
		{
			contextType: 'programme_consulting',
			contextId: call.id,
			requesterOrgId: org.id,
			recipientOrgId: call.org_id,
			recipientUserId: parties.consultantId
		},
		input,
		context,
		now
	);
}

/** The consulting page as the viewer may see it; 404 for anybody who is neither manager, consultant nor selected. */
export async function readConsulting(db: Executor, actor: Actor, callId: string) {
	const call = await requireCall(db, callId);
	const [isManager, isConsultant, selectedOrgs] = await Promise.all([
		isCallManager(db, actor, call),
		consultingRepository.isConsultant(db, call.id, actor.id),
		consultingRepository.listSelectedOrgsOf(db, call.id, actor.id)
	]);
	if (!isManager && !isConsultant && selectedOrgs.length === 0) throw new NotFoundError();
	const consultants = await consultingRepository.listConsultants(db, call.id);
	const [orgPeople, allSessions, ownSessions, assigned] = await Promise.all([
		isManager ? consultingRepository.listOrgPeople(db, call.org_id) : Promise.resolve([]),
		isManager ? consultingRepository.listSessions(db, call.id) : Promise.resolve([]),
		selectedOrgs.length
			? consultingRepository.listSessions(db, call.id, { requesterOrgIds: selectedOrgs.map((o) => o.id) })
			: Promise.resolve([]),
		isConsultant ? consultingRepository.listSessions(db, call.id, { consultantId: actor.id }) : Promise.resolve([])
	]);
	return {
		call,
		isManager,
		isConsultant,
		selectedOrgs,
		// Managers see names only; e-mail addresses stay with the managers who added them.
		consultants: consultants.map((c) => ({ id: c.id, name: c.name, email: isManager ? c.email : null })),
		orgPeople: orgPeople.filter((p) => !consultants.some((c) => c.id === p.id)),
		allSessions,
		ownSessions,
		assigned
	};
}
