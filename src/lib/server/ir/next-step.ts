// The home page's IR step: the next session the user attends or presents, if any.
import { sql } from 'kysely';
import type { Executor } from '../db';

export async function nextIrSession(db: Executor, userId: string, now = new Date()) {
	const row = await db
		.selectFrom('ir_events as e')
		.innerJoin('organizations as o', 'o.id', 'e.org_id')
		.select(['e.id', 'e.title_ko', 'e.title_en', 'e.starts_at', 'o.name_ko as org_name_ko', 'o.name_en as org_name_en'])
		.where('e.status', 'in', ['scheduled', 'live'])
		.where(sql<boolean>`e.starts_at + make_interval(mins => e.duration_minutes) > ${now}`)
		.where((eb) =>
			eb.or([
				eb('e.moderator_id', '=', userId),
				eb.exists(
					eb
						.selectFrom('ir_event_presenters as p')
						.select('p.user_id')
						.whereRef('p.event_id', '=', 'e.id')
						.where('p.user_id', '=', userId)
				),
				eb.exists(
					eb
						.selectFrom('ir_registrations as r')
						.select('r.user_id')
						.whereRef('r.event_id', '=', 'e.id')
						.where('r.user_id', '=', userId)
						.where('r.cancelled_at', 'is', null)
				)
			])
		)
		.orderBy('e.starts_at')
		.limit(1)
		.executeTakeFirst();
	return row ?? null;
}
