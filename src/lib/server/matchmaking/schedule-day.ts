// The scheduling of a matchmaking day: under the day's row lock (so parallel runs and late picks wait),
// mutual picks become 1:1 slots that clash with nobody's existing meetings or slots; each slot is an
// accepted meeting (so it is on both calendars and in .ics), both sides' admins are told, all audited.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../db';
import { recordAudit } from '../audit/repository';
import type { Context } from '../common/context';
import { ForbiddenError, NotFoundError } from '../errors';
import { localInputValue } from '../meetings/schemas';
import { notifyUser } from '../app/notifications';
import type { Actor } from '../orgs/access';
import * as repo from './day-repository';
import { DayScheduledError } from './errors';
import { planSlots, slotGrid, type Placed, type Range } from './slot-plan';

export async function scheduleDay(db: Kysely<DB>, actor: Actor, dayId: string, context: Context) {
	if (!actor.isOperator) throw new ForbiddenError('operator_only');
	return db.transaction().execute(async (trx) => {
		const day = await repo.lockDay(trx, dayId, 'update');
		if (!day) throw new NotFoundError();
		if (day.scheduled_at) throw new DayScheduledError();
		const pairs = await repo.mutualPairs(trx, dayId);
		const busy = new Map<string, Range[]>();
		for (const org of new Set(pairs.flatMap((p) => [p.startup_org_id, p.investor_org_id]))) {
			const ranges = await repo.busyRanges(trx, org, day.starts_at, day.ends_at);
			busy.set(
				org,
				ranges.map((r) => ({ startsAt: new Date(r.starts_at), endsAt: new Date(r.ends_at) }))
			);
		}
		const { placed, unplaced } = planSlots(slotGrid(day.starts_at, day.ends_at, day.slot_minutes), pairs, busy);
		for (const slot of placed) await placeSlot(trx, actor, day, slot, context);
		await trx.updateTable('matchmaking_days').set({ scheduled_at: new Date() }).where('id', '=', dayId).execute();
		await recordAudit(trx, {
			actorId: actor.id,
			action: 'matchmaking.scheduled',
			entityType: 'matchmaking_day',
			entityId: dayId,
			data: { placed: placed.length, unplaced: unplaced.length }
		});
		return { placed: placed.length, unplaced };
	});
}

type Day = { id: string; title: string; ends_at: Date };

async function placeSlot(trx: Transaction<DB>, actor: Actor, day: Day, slot: Placed, context: Context) {
	const request = await trx
		.insertInto('meeting_requests')
		.values({
			requester_id: null,
			requester_org_id: slot.startup_org_id,
			recipient_org_id: slot.investor_org_id,
			context_type: 'matchmaking',
			context_id: day.id,
			message: day.title,
			expires_at: day.ends_at
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	const chosen = await trx
		.insertInto('meeting_request_slots')
		.values({ request_id: request.id, starts_at: slot.startsAt, ends_at: slot.endsAt })
		.returning('id')
		.executeTakeFirstOrThrow();
	await trx
		.updateTable('meeting_requests')
		.set({ status: 'accepted', chosen_slot_id: chosen.id, decided_by: actor.id, decided_at: new Date() })
		.where('id', '=', request.id)
		.execute();
	await trx
		.insertInto('matchmaking_slots')
		.values({
			day_id: day.id,
			startup_org_id: slot.startup_org_id,
			investor_org_id: slot.investor_org_id,
			during: sql<string>`tstzrange(${slot.startsAt}, ${slot.endsAt})` as unknown as string,
			meeting_request_id: request.id
		})
		.execute();
	await tellBothSides(trx, day, slot, request.id, context);
}

async function tellBothSides(trx: Transaction<DB>, day: Day, slot: Placed, meetingId: string, context: Context) {
	const orgs = await trx
		.selectFrom('organizations')
		.select(['id', 'name_ko', 'name_en'])
		.where('id', 'in', [slot.startup_org_id, slot.investor_org_id])
		.execute();
	const admins = await trx
		.selectFrom('memberships as ms')
		.innerJoin('users as u', 'u.id', 'ms.user_id')
		.select(['u.id', 'u.time_zone', 'ms.org_id'])
		.where('ms.org_id', 'in', [slot.startup_org_id, slot.investor_org_id])
		.where('ms.role', 'in', ['owner', 'admin'])
		.execute();
	for (const admin of admins) {
		const other = orgs.find((o) => o.id !== admin.org_id);
		await notifyUser(trx, {
			userId: admin.id,
			kind: 'meetings_matchmaking_slot',
			params: {
				org: other?.name_ko ?? '',
				org_en: other?.name_en ?? '',
				day: day.title,
				time: `${localInputValue(slot.startsAt, admin.time_zone).replace('T', ' ')} (${admin.time_zone})`
			},
			link: `/meetings/${meetingId}`,
			origin: context.origin
		});
	}
}
