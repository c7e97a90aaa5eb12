// Responses after submission: the hospital side decides and keeps notes; both sides talk in a thread.
// A company only ever reaches its own response: anybody else gets a 404, as if it did not exist.
import type { Kysely } from 'kysely';
import type { DB, Executor } from '../db';
import type { NeedResponseRow, NeedRow } from '../db/needs-types';
import { recordAudit } from '../audit/repository';
import { consumeRateLimit, type RateLimitRule } from '../auth/rate-limit';
import { InvalidStateError, NotFoundError } from '../errors';
import type { Actor } from '../orgs/access';
import { isMemberOf, listCompanySideUserIds, listHospitalSideUserIds, needRole } from './access';
import { NotHospitalSideError } from './errors';
import * as responseRepository from './responses-repository';
import { announceThreadMessage } from './thread-events';
import type { DecisionInput } from './schemas';
import { needParams, notifyIfVisible, requireVisibleNeed, type Context } from './service';

const THREAD_MESSAGES_PER_MINUTE: RateLimitRule = { limit: 20, windowSeconds: 60 };

export type ThreadSide = 'hospital' | 'company';
export type ResponseAccess = { response: NeedResponseRow; need: NeedRow; side: ThreadSide };

/** The response and which side the actor is on; 404 for anybody on neither side. */
export async function requireResponseAccess(
	db: Executor,
	actor: Actor,
	responseId: string,
	options: { lock?: boolean } = {}
): Promise<ResponseAccess> {
	const response = options.lock
		? await responseRepository.lockResponse(db, responseId)
		: await responseRepository.findResponse(db, responseId);
	if (!response) throw new NotFoundError();
	const need = await requireVisibleNeed(db, actor, response.need_id);
	if ((await needRole(db, actor, need)).hospitalSide) return { response, need, side: 'hospital' };
	if (await isMemberOf(db, actor.id, response.org_id)) return { response, need, side: 'company' };
	throw new NotFoundError();
}

const ALLOWED: Record<string, DecisionInput['decision'][]> = {
	submitted: ['shortlisted', 'accepted', 'declined'],
	shortlisted: ['accepted', 'declined'],
	accepted: [],
	declined: []
};

export async function decideResponse(
	db: Kysely<DB>,
	actor: Actor,
	responseId: string,
	input: DecisionInput,
	context: Context
) {
	return db.transaction().execute(async (trx) => {
		const { response, need, side } = await requireResponseAccess(trx, actor, responseId, { lock: true });
		if (side !== 'hospital') throw new NotHospitalSideError();
		if (!ALLOWED[response.status].includes(input.decision)) throw new InvalidStateError();
		const updated = await responseRepository.updateResponseStatus(
			trx,
			response.id,
			input.decision,
			input.reason ?? null,
			actor.id
		);
		await recordAudit(trx, {
			actorId: actor.id,
			action: `need_response.${input.decision}`,
			entityType: 'need_response',
			entityId: response.id,
			data: { needId: need.id, from: response.status, reason: input.reason ?? null },
			ip: context.ip
		});
		const company = await trx
			.selectFrom('organizations')
			.select(['name_ko', 'name_en'])
			.where('id', '=', response.org_id)
			.executeTakeFirstOrThrow();
		const params = { ...needParams(need), org: company.name_ko, org_en: company.name_en, reason: input.reason ?? '' };
		const link = `/needs/${need.id}/responses/${response.id}`;
		const companySide = await listCompanySideUserIds(trx, response);
		const kind =
			input.decision === 'accepted'
				? 'needs_response_accepted'
				: input.decision === 'declined'
					? 'needs_response_declined'
					: 'needs_response_shortlisted';
		await notifyIfVisible(trx, companySide, need.id, kind, params, link, context);
		if (input.decision === 'accepted') {
			if (input.markMatched && need.status === 'open') {
				await trx
					.updateTable('needs')
					.set({ status: 'matched', matched_response_id: response.id, updated_at: new Date() })
					.where('id', '=', need.id)
					.execute();
				await recordAudit(trx, {
					actorId: actor.id,
					action: 'need.matched',
					entityType: 'need',
					entityId: need.id,
					data: { responseId: response.id },
					ip: context.ip
				});
			}
			const hospitalSide = (await listHospitalSideUserIds(trx, need)).filter((id) => id !== actor.id);
			await notifyIfVisible(trx, hospitalSide, need.id, 'needs_match_confirmed', params, link, context);
		}
		return updated;
	});
}

export async function addReviewerNote(
	db: Kysely<DB>,
	actor: Actor,
	responseId: string,
	body: string,
	context: Context
) {
	return db.transaction().execute(async (trx) => {
		const { response, side } = await requireResponseAccess(trx, actor, responseId);
		if (side !== 'hospital') throw new NotFoundError();
		const note = await responseRepository.insertNote(trx, { response_id: response.id, author_id: actor.id, body });
		await recordAudit(trx, {
			actorId: actor.id,
			action: 'need_response.note_added',
			entityType: 'need_response',
			entityId: response.id,
			data: { noteId: note.id },
			ip: context.ip
		});
		return note;
	});
}

/** A thread message from either side; the poster has read everything up to it. */
export async function postThreadMessage(db: Kysely<DB>, actor: Actor, responseId: string, body: string) {
	// Counted outside the transaction, so a refused message still uses up the allowance.
	await consumeRateLimit(db, `needs-thread:${actor.id}`, THREAD_MESSAGES_PER_MINUTE);
	return db.transaction().execute(async (trx) => {
		const { response, side } = await requireResponseAccess(trx, actor, responseId);
		const message = await responseRepository.insertMessage(trx, {
			response_id: response.id,
			author_id: actor.id,
			body
		});
		await responseRepository.markThreadRead(trx, response.id, actor.id);
		await announceThreadMessage(trx, { messageId: message.id, responseId: response.id });
		return { message, side };
	});
}

/** The thread as one side sees it. Reads only: marking it read is `markThreadReadBy`, an explicit action. */
export async function loadThread(db: Executor, actor: Actor, responseId: string) {
	const access = await requireResponseAccess(db, actor, responseId);
	const messages = await responseRepository.listMessages(db, access.response.id);
	const unread = await responseRepository.countUnreadInThread(db, access.response.id, actor.id);
	return { ...access, messages, unread };
}

/** Records that the reader has seen the thread up to its newest message (a form action or a socket event). */
export async function markThreadReadBy(db: Executor, actor: Actor, responseId: string) {
	const { response } = await requireResponseAccess(db, actor, responseId);
	await responseRepository.markThreadRead(db, response.id, actor.id);
}

/** Responses to a need as the viewer may see them: all for the hospital side, their company's for a company. */
export async function listVisibleResponses(db: Executor, actor: Actor, need: NeedRow) {
	const role = await needRole(db, actor, need);
	if (role.hospitalSide)
		return {
			side: 'hospital' as const,
			responses: await responseRepository.listResponses(db, need.id, actor.id),
			notes: await responseRepository.listNotes(db, need.id)
		};
	const companies = await db.selectFrom('memberships').select('org_id').where('user_id', '=', actor.id).execute();
	const own = [];
	for (const { org_id } of companies)
		own.push(...(await responseRepository.listResponses(db, need.id, actor.id, org_id)));
	return { side: 'company' as const, responses: own, notes: [] };
}
