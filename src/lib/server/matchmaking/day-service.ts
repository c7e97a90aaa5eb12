// The rules of a matchmaking day: the operator creates it and invites both sides; a member of an invited
// organisation picks organisations of the other side until the deadline (idempotent); the operator's
// scheduling turns mutual picks into 1:1 slots, each an accepted meeting, in one transaction.
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db';
import { recordAudit } from '../audit/repository';
import { ForbiddenError, NotFoundError } from '../errors';
import { isMemberOf } from '../needs/access';
import type { Actor } from '../orgs/access';
import * as repo from './day-repository';
import { NotParticipantError, PicksClosedError } from './errors';
import { newDaySchema, pickSchema } from './schemas';

export async function createDay(db: Kysely<DB>, actor: Actor, raw: unknown) {
	if (!actor.isOperator) throw new ForbiddenError('operator_only');
	const input = newDaySchema.parse(raw);
	return db.transaction().execute(async (trx) => {
		const day = await trx
			.insertInto('matchmaking_days')
			.values({
				title: input.title,
				starts_at: input.starts_at,
				ends_at: input.ends_at,
				slot_minutes: input.slot_minutes,
				location: input.location,
				online: input.online,
				picks_close_at: input.picks_close_at,
				created_by: actor.id
			})
			.returningAll()
			.executeTakeFirstOrThrow();
		const invited = [
			...input.startups.map((org_id) => ({ day_id: day.id, org_id, side: 'startup' as const })),
			...input.investors.map((org_id) => ({ day_id: day.id, org_id, side: 'investor' as const }))
		];
		if (invited.length > 0)
			await trx
				.insertInto('matchmaking_participants')
				.values(invited)
				.onConflict((oc) => oc.doNothing())
				.execute();
		await recordAudit(trx, {
			actorId: actor.id,
			action: 'matchmaking.day_created',
			entityType: 'matchmaking_day',
			entityId: day.id,
			data: { startups: input.startups.length, investors: input.investors.length }
		});
		return day;
	});
}

/** Checks, under the day's share lock, that picks are open and both organisations stand on opposite sides. */
async function pickGate(trx: Transaction<DB>, actor: Actor, dayId: string, orgId: string, pickedId: string) {
	const day = await repo.lockDay(trx, dayId, 'share');
	if (!day) throw new NotFoundError();
	if (!(await isMemberOf(trx, actor.id, orgId))) throw new NotParticipantError();
	const me = await repo.findParticipant(trx, dayId, orgId);
	const other = await repo.findParticipant(trx, dayId, pickedId);
	if (!me || !other || me.side === other.side) throw new NotParticipantError();
	if (day.scheduled_at || day.picks_close_at <= new Date()) throw new PicksClosedError();
	return me;
}

/** Picks an organisation of the other side; picking twice changes nothing. */
export async function addPick(db: Kysely<DB>, actor: Actor, dayId: string, raw: unknown) {
	const input = pickSchema.parse(raw);
	return db.transaction().execute(async (trx) => {
		const me = await pickGate(trx, actor, dayId, input.org_id, input.picked_org_id);
		const added = await repo.insertPick(trx, {
			dayId,
			picker: input.org_id,
			pickerSide: me.side,
			picked: input.picked_org_id,
			userId: actor.id
		});
		if (added)
			await recordAudit(trx, {
				actorId: actor.id,
				action: 'matchmaking.picked',
				entityType: 'matchmaking_day',
				entityId: dayId,
				data: { org_id: input.org_id, picked_org_id: input.picked_org_id }
			});
		return { added };
	});
}

/** Takes a pick back; taking back a pick that is not there changes nothing. */
export async function removePick(db: Kysely<DB>, actor: Actor, dayId: string, raw: unknown) {
	const input = pickSchema.parse(raw);
	return db.transaction().execute(async (trx) => {
		await pickGate(trx, actor, dayId, input.org_id, input.picked_org_id);
		const removed = await repo.deletePick(trx, dayId, input.org_id, input.picked_org_id);
		if (removed)
			await recordAudit(trx, {
				actorId: actor.id,
				action: 'matchmaking.unpicked',
				entityType: 'matchmaking_day',
				entityId: dayId,
				data: { org_id: input.org_id, picked_org_id: input.picked_org_id }
			});
		return { removed };
	});
}
