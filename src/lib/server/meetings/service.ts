// The rules of meeting requests: one organisation proposes slots, the other accepts one or declines;
// only members of the two organisations see a request. Each change is audited in its transaction and
// told to both sides.
import type { Kysely } from 'kysely';
import type { DB, Executor } from '../db';
import type { MeetingContextType, MeetingRequestRow } from '../db/meetings-types';
import { recordAudit } from '../audit/repository';
import { NotFoundError, DomainError } from '../errors';
import { notifyUser } from '../app/notifications';
import type { Actor } from '../orgs/access';
import { isMemberOf } from '../needs/access';
import { MeetingClosedError, NotMeetingRecipientError, NotMeetingRequesterError } from './errors';
import type { MeetingsNotificationKind } from './notifications';
import * as meetingRepository from './repository';
import { localInputValue, meetingRequestSchema, type MeetingRequestInput } from './schemas';
import { meetingCalendar } from './ics';
import type { Context } from '$lib/server/common/context';

export type { Context };
export type MeetingSide = 'requester' | 'recipient';
const EXPIRY_MS = 7 * 86_400_000;

/** The request and the actor's side; 404 for anybody outside both organisations. */
export async function requireMeetingAccess(db: Executor, actor: Actor, id: string, options: { lock?: boolean } = {}) {
	const request = options.lock
		? await meetingRepository.lockRequest(db, id)
		: await meetingRepository.findRequest(db, id);
	if (!request) throw new NotFoundError();
	// A request addressed to a person (a consultant) is answered by that person, not by their colleagues.
	if (
		request.recipient_user_id
			? request.recipient_user_id === actor.id
			: await isMemberOf(db, actor.id, request.recipient_org_id)
	)
		return { request, side: 'recipient' as MeetingSide };
	if (await isMemberOf(db, actor.id, request.requester_org_id)) return { request, side: 'requester' as MeetingSide };
	throw new NotFoundError();
}

/** Who hears about a request: the requester, the admins of both organisations (or the one consultant asked). */
async function partyUserIds(db: Executor, request: MeetingRequestRow): Promise<string[]> {
	const orgIds = request.recipient_user_id
		? [request.requester_org_id]
		: [request.requester_org_id, request.recipient_org_id];
	const admins = await db
		.selectFrom('memberships')
		.select('user_id')
		.where('org_id', 'in', orgIds)
		.where('role', 'in', ['owner', 'admin'])
		.execute();
	return [
		...new Set([
			...(request.requester_id ? [request.requester_id] : []),
			...(request.recipient_user_id ? [request.recipient_user_id] : []),
			...admins.map((a) => a.user_id)
		])
	];
}

/** Consulting requests tell their own story ("… asks you for a consulting session"). */
function kindFor(request: MeetingRequestRow, kind: MeetingsNotificationKind): MeetingsNotificationKind {
	return request.context_type === 'programme_consulting'
		? (kind.replace('meetings_', 'meetings_consult_') as MeetingsNotificationKind)
		: kind;
}

async function announce(
	db: Executor,
	request: MeetingRequestRow,
	kind: MeetingsNotificationKind,
	actorId: string | null,
	context: Context,
	when?: Date
) {
	const orgs = await db
		.selectFrom('organizations')
		.select(['id', 'name_ko', 'name_en'])
		.where('id', 'in', [request.requester_org_id, request.recipient_org_id])
		.execute();
	const from = orgs.find((o) => o.id === request.requester_org_id)!;
	const to = orgs.find((o) => o.id === request.recipient_org_id)!;
	const consultant = request.recipient_user_id
		? await db.selectFrom('users').select('name').where('id', '=', request.recipient_user_id).executeTakeFirst()
		: undefined;
	const base = {
		from: from.name_ko,
		from_en: from.name_en,
		to: to.name_ko,
		to_en: to.name_en,
		consultant: consultant?.name ?? '',
		message: request.decline_message ?? ''
	};
	const users = await db
		.selectFrom('users')
		.select(['id', 'time_zone'])
		.where('id', 'in', await partyUserIds(db, request))
		.execute();
	for (const user of users) {
		if (user.id === actorId) continue;
		const whenText = when ? `${localInputValue(when, user.time_zone).replace('T', ' ')} (${user.time_zone})` : '';
		await notifyUser(db, {
			userId: user.id,
			kind: kindFor(request, kind),
			params: { ...base, when: whenText },
			link: `/meetings/${request.id}`,
			origin: context.origin
		});
	}
}

export type NewMeeting = {
	contextType: MeetingContextType;
	contextId: string;
	requesterOrgId: string;
	recipientOrgId: string;
	recipientUserId?: string;
};

/** Opens a request; the caller has checked that the actor may ask on behalf of `requesterOrgId`. */
export async function requestMeeting(
	db: Kysely<DB>,
	actor: Actor,
	meeting: NewMeeting,
	input: MeetingRequestInput,
	context: Context,
	now = new Date()
) {
	// Every caller's input crosses the schema here too: 1–3 slots, each ending after it starts, all ahead.
	if (!meetingRequestSchema.safeParse(input).success || input.slots.some((s) => s.startsAt <= now))
		throw new DomainError('validation_failed', 400);
	if (!(await isMemberOf(db, actor.id, meeting.requesterOrgId))) throw new NotFoundError();
	return db.transaction().execute(async (trx) => {
		const request = await meetingRepository.insertRequest(trx, {
			requester_id: actor.id,
			requester_org_id: meeting.requesterOrgId,
			recipient_org_id: meeting.recipientOrgId,
			recipient_user_id: meeting.recipientUserId ?? null,
			context_type: meeting.contextType,
			context_id: meeting.contextId,
			message: input.message,
			expires_at: new Date(now.getTime() + EXPIRY_MS)
		});
		const slots = await meetingRepository.insertSlots(trx, request.id, input.slots);
		await recordAudit(trx, {
			actorId: actor.id,
			action: 'meeting_request.requested',
			entityType: 'meeting_request',
			entityId: request.id,
			data: { context: meeting.contextType, contextId: meeting.contextId, slots: slots.length },
			ip: context.ip
		});
		await announce(trx, request, 'meetings_requested', actor.id, context);
		return request;
	});
}

export async function acceptMeeting(
	db: Kysely<DB>,
	actor: Actor,
	id: string,
	slotId: string,
	context: Context,
	now = new Date()
) {
	return db.transaction().execute(async (trx) => {
		const { request, side } = await requireMeetingAccess(trx, actor, id, { lock: true });
		if (side !== 'recipient') throw new NotMeetingRecipientError();
		if (request.status !== 'requested' || request.expires_at <= now) throw new MeetingClosedError();
		const slot = (await meetingRepository.listSlots(trx, id)).find((s) => s.id === slotId);
		if (!slot) throw new NotFoundError();
		const updated = await meetingRepository.updateStatus(trx, id, {
			status: 'accepted',
			chosen_slot_id: slot.id,
			decided_by: actor.id,
			decided_at: now
		});
		await recordAudit(trx, {
			actorId: actor.id,
			action: 'meeting_request.accepted',
			entityType: 'meeting_request',
			entityId: id,
			data: { slotId: slot.id },
			ip: context.ip
		});
		await announce(trx, updated, 'meetings_accepted', actor.id, context, slot.starts_at);
		return updated;
	});
}

export async function declineMeeting(
	db: Kysely<DB>,
	actor: Actor,
	id: string,
	message: string,
	context: Context,
	now = new Date()
) {
	return db.transaction().execute(async (trx) => {
		const { request, side } = await requireMeetingAccess(trx, actor, id, { lock: true });
		if (side !== 'recipient') throw new NotMeetingRecipientError();
		if (request.status !== 'requested') throw new MeetingClosedError();
		const updated = await meetingRepository.updateStatus(trx, id, {
			status: 'declined',
			decline_message: message,
			decided_by: actor.id,
			decided_at: now
		});
		await recordAudit(trx, {
			actorId: actor.id,
			action: 'meeting_request.declined',
			entityType: 'meeting_request',
			entityId: id,
			data: { message },
			ip: context.ip
		});
		await announce(trx, updated, 'meetings_declined', actor.id, context);
		return updated;
	});
}

/** The asking side calls off a request, answered or not, before the meeting. */
export async function cancelMeeting(db: Kysely<DB>, actor: Actor, id: string, context: Context, now = new Date()) {
	return db.transaction().execute(async (trx) => {
		const { request, side } = await requireMeetingAccess(trx, actor, id, { lock: true });
		if (side !== 'requester') throw new NotMeetingRequesterError();
		if (request.status !== 'requested' && request.status !== 'accepted') throw new MeetingClosedError();
		const updated = await trx
			.updateTable('meeting_requests')
			.set({ status: 'cancelled', decided_by: actor.id, decided_at: now })
			.where('id', '=', id)
			.returningAll()
			.executeTakeFirstOrThrow();
		await recordAudit(trx, {
			actorId: actor.id,
			action: 'meeting_request.cancelled',
			entityType: 'meeting_request',
			entityId: id,
			data: { from: request.status, slotId: request.chosen_slot_id },
			ip: context.ip
		});
		await announce(trx, updated, 'meetings_cancelled', actor.id, context);
		return updated;
	});
}

/** Idempotent: only requests still `requested` past their expiry change, so a second run finds none. */
export async function expireMeetingRequests(
	db: Kysely<DB>,
	now: Date,
	origin = process.env.ORIGIN ?? 'http://localhost:3000'
) {
	return db.transaction().execute(async (trx) => {
		const expired = await meetingRepository.expireDue(trx, now);
		for (const request of expired) {
			await recordAudit(trx, {
				actorId: null,
				action: 'meeting_request.expired',
				entityType: 'meeting_request',
				entityId: request.id,
				data: {},
				ip: null
			});
			await announce(trx, request, 'meetings_expired', null, { ip: null, origin });
		}
		return expired.map((r) => r.id);
	});
}

/** A request with its slots and both organisations' names, for the page and the calendar file. */
export async function readMeeting(db: Executor, actor: Actor, id: string) {
	const { request, side } = await requireMeetingAccess(db, actor, id);
	const slots = await meetingRepository.listSlots(db, id);
	const orgs = await db
		.selectFrom('organizations')
		.select(['id', 'name_ko', 'name_en'])
		.where('id', 'in', [request.requester_org_id, request.recipient_org_id])
		.execute();
	const consultant = request.recipient_user_id
		? ((await db.selectFrom('users').select('name').where('id', '=', request.recipient_user_id).executeTakeFirst())
				?.name ?? null)
		: null;
	return {
		request,
		side,
		slots,
		consultant,
		requesterOrg: orgs.find((o) => o.id === request.requester_org_id)!,
		recipientOrg: orgs.find((o) => o.id === request.recipient_org_id)!
	};
}

/** The calendar file of an accepted (or later cancelled) meeting; 404 while no slot was chosen. */
export async function meetingIcs(db: Executor, actor: Actor, id: string, origin: string) {
	const { request, slots, requesterOrg, recipientOrg } = await readMeeting(db, actor, id);
	const slot = slots.find((s) => s.id === request.chosen_slot_id);
	if (!slot) throw new NotFoundError();
	const url = new URL(`/meetings/${request.id}`, origin);
	const summary = `${requesterOrg.name_ko} · ${recipientOrg.name_ko} / ${requesterOrg.name_en} · ${recipientOrg.name_en}`;
	return meetingCalendar(
		{
			id: request.id,
			cancelled: request.status === 'cancelled',
			start: slot.starts_at,
			end: slot.ends_at,
			stamp: request.decided_at ?? request.created_at,
			summary,
			url: url.href
		},
		url.hostname
	);
}
