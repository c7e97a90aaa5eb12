// The rules of scheduling IR sessions: who schedules, who moderates and presents, editing (a change
// of time raises `sequence` and tells registrants) and cancelling. Each change audited in its transaction.
import type { Kysely } from 'kysely';
import type { DB, Executor } from '../db';
import type { IrEventRow } from '../db/ir-types';
import { recordAudit } from '../audit/repository';
import { DomainError, NotFoundError } from '../errors';
import type { Actor } from '../orgs/access';
import { deleteUpload, isFilled, storePdf } from '../uploads/service';
import { eventRole, visibleTo, type Viewer } from './access';
import {
	InvalidModeratorError,
	InvalidPresenterError,
	NotStartupAdminError,
	SessionClosedError,
	StartInPastError
} from './errors';
import { notifyUsers, type Context } from './notify';
import { queueDeckRender } from './deck/service';
import * as irRepository from './repository';
import { DECK_MAX_BYTES, eventInputSchema, type EventInput } from './schemas';

export type { Context } from './notify';

/** A session the viewer may see in full, with their role in it (404 otherwise). */
export async function requireVisibleEvent(db: Executor, viewer: Viewer, id: string) {
	const event = await db
		.selectFrom('ir_events as e')
		.selectAll('e')
		.where('e.id', '=', id)
		.where(visibleTo(viewer))
		.executeTakeFirst();
	if (!event) throw new NotFoundError();
	return { event, role: await eventRole(db, viewer, event) };
}

/** The verified company the actor may schedule for: its owner/admin, or an operator. */
async function requireStartupAdmin(db: Executor, actor: Actor, orgId: string) {
	const org = await db
		.selectFrom('organizations')
		.select(['id', 'slug', 'kind', 'status'])
		.where('id', '=', orgId)
		.executeTakeFirst();
	if (!org || org.kind !== 'company' || org.status !== 'verified') throw new NotStartupAdminError();
	if (actor.isOperator) return org;
	const membership = await db
		.selectFrom('memberships')
		.select('role')
		.where('org_id', '=', orgId)
		.where('user_id', '=', actor.id)
		.executeTakeFirst();
	if (membership?.role !== 'owner' && membership?.role !== 'admin') throw new NotStartupAdminError();
	return org;
}

/** Verified companies the user may schedule sessions for. */
export function listSchedulableStartups(db: Executor, actor: Actor) {
	let query = db
		.selectFrom('organizations as o')
		.select(['o.id', 'o.slug', 'o.name_ko', 'o.name_en'])
		.where('o.kind', '=', 'company')
		.where('o.status', '=', 'verified');
	if (!actor.isOperator) {
		query = query.where((eb) =>
			eb.exists(
				eb
					.selectFrom('memberships as ms')
					.select('ms.user_id')
					.whereRef('ms.org_id', '=', 'o.id')
					.where('ms.user_id', '=', actor.id)
					.where('ms.role', 'in', ['owner', 'admin'])
			)
		);
	}
	return query.orderBy('o.name_en').execute();
}

/** The moderator is an operator or an owner/admin of the startup; co-presenters are its members. */
async function checkPeople(db: Executor, orgId: string, input: EventInput) {
	const moderator = await db
		.selectFrom('users as u')
		.leftJoin('memberships as ms', (join) => join.onRef('ms.user_id', '=', 'u.id').on('ms.org_id', '=', orgId))
		.select(['u.is_operator', 'ms.role'])
		.where('u.id', '=', input.moderatorId)
		.where('u.disabled_at', 'is', null)
		.executeTakeFirst();
	if (!moderator || !(moderator.is_operator || moderator.role === 'owner' || moderator.role === 'admin'))
		throw new InvalidModeratorError();
	if (input.presenterIds.length) {
		const members = await db
			.selectFrom('memberships')
			.select('user_id')
			.where('org_id', '=', orgId)
			.where('user_id', 'in', input.presenterIds)
			.execute();
		if (members.length !== new Set(input.presenterIds).size) throw new InvalidPresenterError();
	}
}

function validInput(input: EventInput, now: Date, startsAtChanged: boolean) {
	if (!eventInputSchema.safeParse(input).success) throw new DomainError('validation_failed', 400);
	if (startsAtChanged && input.startsAt <= now) throw new StartInPastError();
}

const eventColumns = (input: EventInput) => ({
	title_ko: input.titleKo,
	title_en: input.titleEn,
	summary_ko: input.summaryKo,
	summary_en: input.summaryEn,
	starts_at: input.startsAt,
	duration_minutes: input.durationMinutes,
	access: input.access,
	nda_required: input.ndaRequired,
	nda_text: input.ndaRequired ? input.ndaText : null,
	nda_version: input.ndaRequired ? input.ndaVersion : null,
	moderator_id: input.moderatorId
});

export async function scheduleEvent(
	db: Kysely<DB>,
	actor: Actor,
	orgId: string,
	input: EventInput,
	deck: File | undefined,
	context: Context,
	now = new Date()
): Promise<IrEventRow> {
	validInput(input, now, true);
	const org = await requireStartupAdmin(db, actor, orgId);
	await checkPeople(db, org.id, input);
	return db.transaction().execute(async (trx) => {
		const upload = isFilled(deck)
			? await storePdf(trx, {
					ownerId: actor.id,
					orgId: org.id,
					purpose: 'ir_deck',
					file: deck,
					maxBytes: DECK_MAX_BYTES
				})
			: null;
		const event = await irRepository.insertEvent(trx, {
			...eventColumns(input),
			org_id: org.id,
			deck_upload_id: upload?.id ?? null,
			created_by: actor.id
		});
		if (upload) await queueDeckRender(trx, event.id, upload.id);
		const presenters = [...new Set([actor.id, ...input.presenterIds])];
		await irRepository.setPresenters(trx, event.id, presenters);
		await recordAudit(trx, {
			actorId: actor.id,
			action: 'ir_event.scheduled',
			entityType: 'ir_event',
			entityId: event.id,
			data: {
				org: org.slug,
				startsAt: event.starts_at.toISOString(),
				access: event.access,
				ndaVersion: event.nda_version,
				presenters,
				moderator: event.moderator_id,
				deck: upload?.id ?? null
			},
			ip: context.ip
		});
		return event;
	});
}

export type EventEdit = { input: EventInput; deck?: File; removeDeck?: boolean };

export async function updateEvent(
	db: Kysely<DB>,
	actor: Actor,
	id: string,
	edit: EventEdit,
	context: Context,
	now = new Date()
): Promise<IrEventRow> {
	let replacedDeck: string | null = null;
	const updated = await db.transaction().execute(async (trx) => {
		const { role } = await requireVisibleEvent(trx, actor, id);
		if (!role.manager) throw new NotStartupAdminError();
		const event = (await irRepository.lockEvent(trx, id))!;
		if (event.status !== 'scheduled') throw new SessionClosedError();
		const { input } = edit;
		const timeChanged =
			input.startsAt.getTime() !== event.starts_at.getTime() || input.durationMinutes !== event.duration_minutes;
		validInput(input, now, input.startsAt.getTime() !== event.starts_at.getTime());
		await checkPeople(trx, event.org_id, input);
		let deckId = event.deck_upload_id;
		if (isFilled(edit.deck))
			deckId = (
				await storePdf(trx, {
					ownerId: actor.id,
					orgId: event.org_id,
					purpose: 'ir_deck',
					file: edit.deck,
					maxBytes: DECK_MAX_BYTES
				})
			).id;
		else if (edit.removeDeck) deckId = null;
		if (deckId !== event.deck_upload_id) replacedDeck = event.deck_upload_id;
		const row = await irRepository.updateEvent(trx, id, {
			...eventColumns(input),
			deck_upload_id: deckId,
			sequence: timeChanged ? event.sequence + 1 : event.sequence
		});
		if (deckId && deckId !== event.deck_upload_id) await queueDeckRender(trx, id, deckId);
		const presenters = [...new Set([...(event.created_by ? [event.created_by] : []), ...input.presenterIds])];
		await irRepository.setPresenters(trx, id, presenters);
		const changed = Object.entries(eventColumns(input))
			.filter(
				([key, value]) =>
					String(
						event[key as keyof IrEventRow] instanceof Date
							? (event[key as keyof IrEventRow] as Date).toISOString()
							: event[key as keyof IrEventRow]
					) !== String(value instanceof Date ? value.toISOString() : value)
			)
			.map(([key]) => key);
		await recordAudit(trx, {
			actorId: actor.id,
			action: 'ir_event.updated',
			entityType: 'ir_event',
			entityId: id,
			data: {
				changed,
				presenters,
				deck: deckId,
				sequence: row.sequence,
				...(timeChanged
					? { from: event.starts_at.toISOString(), to: row.starts_at.toISOString(), duration: row.duration_minutes }
					: {})
			},
			ip: context.ip
		});
		if (deckId && deckId !== event.deck_upload_id)
			await notifyUsers(
				trx,
				await irRepository.listActiveRegistrantIds(trx, id),
				row,
				'ir_deck_new_version',
				{},
				context,
				`/ir/${id}/deck`
			);
		if (timeChanged)
			await notifyUsers(
				trx,
				await irRepository.listActiveRegistrantIds(trx, id),
				row,
				'ir_session_changed',
				{},
				context
			);
		return row;
	});
	// The old file goes once nothing points to it any more.
	if (replacedDeck) await deleteUpload(db, replacedDeck).catch(() => {});
	return updated;
}

export async function cancelEvent(
	db: Kysely<DB>,
	actor: Actor,
	id: string,
	reason: string,
	context: Context
): Promise<IrEventRow> {
	const text = reason.trim();
	if (!text || text.length > 1000) throw new DomainError('validation_failed', 400);
	return db.transaction().execute(async (trx) => {
		const { role } = await requireVisibleEvent(trx, actor, id);
		if (!role.manager) throw new NotStartupAdminError();
		const event = (await irRepository.lockEvent(trx, id))!;
		if (event.status !== 'scheduled') throw new SessionClosedError();
		const row = await irRepository.updateEvent(trx, id, {
			status: 'cancelled',
			cancel_reason: text,
			sequence: event.sequence + 1
		});
		await recordAudit(trx, {
			actorId: actor.id,
			action: 'ir_event.cancelled',
			entityType: 'ir_event',
			entityId: id,
			data: { reason: text, sequence: row.sequence },
			ip: context.ip
		});
		await notifyUsers(
			trx,
			await irRepository.listActiveRegistrantIds(trx, id),
			row,
			'ir_session_cancelled',
			{ reason: text },
			context,
			`/ir/${id}`
		);
		return row;
	});
}
