// IR sessions the member registered for, presents or moderates.
import { sql } from 'kysely';
import type { Executor } from '../../db';
import type { ScheduleItem, ScheduleRange } from '../types';

export async function listIrItems(db: Executor, userId: string, range: ScheduleRange): Promise<ScheduleItem[]> {
	let query = db
		.selectFrom('ir_events')
		.innerJoin('organizations', 'organizations.id', 'ir_events.org_id')
		.leftJoin('ir_registrations', (join) =>
			join.onRef('ir_registrations.event_id', '=', 'ir_events.id').on('ir_registrations.user_id', '=', userId)
		)
		.select([
			'ir_events.id',
			'ir_events.title_ko',
			'ir_events.title_en',
			'ir_events.starts_at',
			'ir_events.duration_minutes',
			'ir_events.status',
			'ir_events.sequence',
			'ir_events.updated_at',
			'ir_registrations.cancelled_at as registration_cancelled_at',
			'organizations.name_ko as org_ko',
			'organizations.name_en as org_en',
			sql<boolean>`(ir_events.moderator_id = ${userId} or exists (select 1 from ir_event_presenters p where p.event_id = ir_events.id and p.user_id = ${userId}))`.as(
				'on_stage'
			)
		])
		.where((eb) =>
			eb.or([
				eb('ir_events.moderator_id', '=', userId),
				eb.exists(
					eb
						.selectFrom('ir_event_presenters')
						.select('ir_event_presenters.user_id')
						.whereRef('ir_event_presenters.event_id', '=', 'ir_events.id')
						.where('ir_event_presenters.user_id', '=', userId)
				),
				eb('ir_registrations.user_id', '=', userId)
			])
		)
		.where('ir_events.starts_at', '<', range.to)
		.where(sql<boolean>`ir_events.starts_at + ir_events.duration_minutes * interval '1 minute' > ${range.from}`);
	if (!range.includeCancelled) query = query.where('ir_events.status', '<>', 'cancelled');
	const rows = await query.orderBy('ir_events.starts_at').execute();
	return rows
		.filter((row) => row.on_stage || range.includeCancelled || row.registration_cancelled_at === null)
		.map((row) => {
			// A withdrawn registration is the member's own cancellation of an unchanged session.
			const withdrawn = !row.on_stage && row.registration_cancelled_at !== null;
			const cancelled = row.status === 'cancelled' || withdrawn;
			return {
				uid: `ir-${row.id}`,
				kind: 'ir' as const,
				title_ko: `IR: ${row.title_ko} (${row.org_ko})`,
				title_en: `IR: ${row.title_en} (${row.org_en})`,
				startsAt: row.starts_at,
				endsAt: new Date(row.starts_at.getTime() + row.duration_minutes * 60_000),
				status: cancelled ? ('cancelled' as const) : ('confirmed' as const),
				link: `/ir/${row.id}`,
				location_ko: '온라인',
				location_en: 'Online',
				sequence: row.sequence + (withdrawn && row.status !== 'cancelled' ? 1 : 0),
				updatedAt:
					withdrawn && row.registration_cancelled_at! > row.updated_at ? row.registration_cancelled_at! : row.updated_at
			};
		});
}
