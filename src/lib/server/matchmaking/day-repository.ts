// Queries of matchmaking days: participants, picks, slots and the busy times of an organisation.
import { sql } from 'kysely';
import type { Executor } from '../db';
import type { MatchmakingSide } from '../db/matchmaking-types';

export const findDay = (db: Executor, id: string) =>
	db.selectFrom('matchmaking_days').selectAll().where('id', '=', id).executeTakeFirst();

/** The day row locked: `share` by a pick, `update` by the scheduling, so the two never interleave. */
export const lockDay = (db: Executor, id: string, mode: 'share' | 'update') => {
	const query = db.selectFrom('matchmaking_days').selectAll().where('id', '=', id);
	return (mode === 'share' ? query.forShare() : query.forUpdate()).executeTakeFirst();
};

export const findParticipant = (db: Executor, dayId: string, orgId: string) =>
	db
		.selectFrom('matchmaking_participants')
		.selectAll()
		.where('day_id', '=', dayId)
		.where('org_id', '=', orgId)
		.executeTakeFirst();

export async function insertPick(
	db: Executor,
	values: { dayId: string; picker: string; pickerSide: MatchmakingSide; picked: string; userId: string }
): Promise<boolean> {
	const rows = await db
		.insertInto('matchmaking_picks')
		.values({
			day_id: values.dayId,
			picker_org_id: values.picker,
			picker_side: values.pickerSide,
			picked_org_id: values.picked,
			picked_side: values.pickerSide === 'startup' ? 'investor' : 'startup',
			created_by: values.userId
		})
		.onConflict((oc) => oc.doNothing())
		.returning('day_id')
		.execute();
	return rows.length > 0;
}

export async function deletePick(db: Executor, dayId: string, picker: string, picked: string): Promise<boolean> {
	const rows = await db
		.deleteFrom('matchmaking_picks')
		.where('day_id', '=', dayId)
		.where('picker_org_id', '=', picker)
		.where('picked_org_id', '=', picked)
		.returning('day_id')
		.execute();
	return rows.length > 0;
}

/** Pairs where both sides picked each other, the earliest-agreed first (that order wins the early slots). */
export async function mutualPairs(db: Executor, dayId: string) {
	const result = await sql<{ startup_org_id: string; investor_org_id: string }>`
		select a.picker_org_id as startup_org_id, a.picked_org_id as investor_org_id
		from matchmaking_picks a
		join matchmaking_picks b on b.day_id = a.day_id and b.picker_org_id = a.picked_org_id and b.picked_org_id = a.picker_org_id
		where a.day_id = ${dayId} and a.picker_side = 'startup'
		order by greatest(a.created_at, b.created_at), a.picker_org_id, a.picked_org_id`.execute(db);
	return result.rows;
}

/**
 * Times the organisation is already taken within [from, to), in one round trip: other matchmaking slots,
 * accepted meetings, its testbed bookings that hold their slot (pending or confirmed), and the IR
 * sessions it presents (scheduled or live).
 */
export async function busyRanges(db: Executor, orgId: string, from: Date, to: Date) {
	const result = await sql<{ starts_at: Date; ends_at: Date }>`
		select lower(during) as starts_at, upper(during) as ends_at from matchmaking_slots
		where (startup_org_id = ${orgId} or investor_org_id = ${orgId}) and during && tstzrange(${from}, ${to})
		union all
		select s.starts_at, s.ends_at from meeting_requests r join meeting_request_slots s on s.id = r.chosen_slot_id
		where r.status = 'accepted' and (r.requester_org_id = ${orgId} or r.recipient_org_id = ${orgId})
			and s.starts_at < ${to} and s.ends_at > ${from}
		union all
		select lower(during), upper(during) from bookings
		where org_id = ${orgId} and status in ('pending', 'confirmed') and during && tstzrange(${from}, ${to})
		union all
		select starts_at, starts_at + make_interval(mins => duration_minutes) from ir_events
		where org_id = ${orgId} and status in ('scheduled', 'live')
			and starts_at < ${to} and starts_at + make_interval(mins => duration_minutes) > ${from}`.execute(db);
	return result.rows;
}

export const listSlots = (db: Executor, dayId: string) =>
	db
		.selectFrom('matchmaking_slots as s')
		.innerJoin('organizations as so', 'so.id', 's.startup_org_id')
		.innerJoin('organizations as io', 'io.id', 's.investor_org_id')
		.select([
			's.id',
			's.startup_org_id',
			's.investor_org_id',
			's.meeting_request_id',
			sql<Date>`lower(s.during)`.as('starts_at'),
			sql<Date>`upper(s.during)`.as('ends_at'),
			'so.name_ko as startup_name_ko',
			'so.name_en as startup_name_en',
			'io.name_ko as investor_name_ko',
			'io.name_en as investor_name_en'
		])
		.where('s.day_id', '=', dayId)
		.orderBy(sql`lower(s.during)`)
		.execute();
