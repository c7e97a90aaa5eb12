// Queries of IR sessions, their presenters and registrations. Rules live in service.ts.
import { sql, type Insertable, type Updateable } from 'kysely';
import type { Executor } from '../db';
import type { IrEventsTable } from '../db/ir-types';
import { containsPattern } from '../db/like';
import type { RegulatoryStage } from '../directory/schemas';
import { visibleTo, type Viewer } from './access';
import type { EventsQuery } from './schemas';
import { DEFAULT_TIME_ZONE } from '$lib/time-zone';

export const PAGE_SIZE = 20;

export function findEvent(db: Executor, id: string) {
	return db.selectFrom('ir_events').selectAll().where('id', '=', id).executeTakeFirst();
}

export function lockEvent(db: Executor, id: string) {
	return db.selectFrom('ir_events').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export function insertEvent(db: Executor, values: Insertable<IrEventsTable>) {
	return db.insertInto('ir_events').values(values).returningAll().executeTakeFirstOrThrow();
}

export function updateEvent(db: Executor, id: string, values: Updateable<IrEventsTable>) {
	return db
		.updateTable('ir_events')
		.set({ ...values, updated_at: new Date() })
		.where('id', '=', id)
		.returningAll()
		.executeTakeFirstOrThrow();
}

/** Replaces the presenters with `userIds`. */
export async function setPresenters(db: Executor, eventId: string, userIds: string[]) {
	await db.deleteFrom('ir_event_presenters').where('event_id', '=', eventId).execute();
	if (userIds.length)
		await db
			.insertInto('ir_event_presenters')
			.values(userIds.map((user_id) => ({ event_id: eventId, user_id })))
			.execute();
}

export function listPresenters(db: Executor, eventId: string) {
	return db
		.selectFrom('ir_event_presenters as p')
		.innerJoin('users as u', 'u.id', 'p.user_id')
		.select(['u.id', 'u.name', 'u.title'])
		.where('p.event_id', '=', eventId)
		.orderBy('u.name')
		.execute();
}

export function findRegistration(db: Executor, eventId: string, userId: string) {
	return db
		.selectFrom('ir_registrations')
		.selectAll()
		.where('event_id', '=', eventId)
		.where('user_id', '=', userId)
		.executeTakeFirst();
}

export async function listActiveRegistrantIds(db: Executor, eventId: string): Promise<string[]> {
	const rows = await db
		.selectFrom('ir_registrations')
		.select('user_id')
		.where('event_id', '=', eventId)
		.where('cancelled_at', 'is', null)
		.execute();
	return rows.map((r) => r.user_id);
}

export async function countActiveRegistrations(db: Executor, eventId: string): Promise<number> {
	const row = await db
		.selectFrom('ir_registrations')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('event_id', '=', eventId)
		.where('cancelled_at', 'is', null)
		.executeTakeFirstOrThrow();
	return Number(row.n);
}

/** Members of an organisation with their role, for the presenter and moderator choices. */
export function listOrgMembers(db: Executor, orgId: string) {
	return db
		.selectFrom('memberships as ms')
		.innerJoin('users as u', 'u.id', 'ms.user_id')
		.select(['u.id', 'u.name', 'u.email', 'ms.role'])
		.where('ms.org_id', '=', orgId)
		.where('u.disabled_at', 'is', null)
		.orderBy('u.name')
		.execute();
}

export function listOperators(db: Executor) {
	return db
		.selectFrom('users')
		.select(['id', 'name', 'email'])
		.where('is_operator', '=', true)
		.where('disabled_at', 'is', null)
		.orderBy('name')
		.execute();
}

const STAGE_CONDITION: Record<RegulatoryStage, ReturnType<typeof sql>> = {
	mfds_approved: sql`p.mfds_status = 'approved'`,
	mfds_in_review: sql`p.mfds_status = 'in_review'`,
	fda_cleared: sql`p.fda_status = 'cleared'`,
	ce_marked: sql`p.ce_class <> 'none'`,
	clinical_trial: sql`p.clinical_stage in ('pilot', 'pivotal')`
};

/** A session is over once it ended, or (never started) once its planned end passed. */
export const isPastSql = (now: Date) =>
	sql<boolean>`(e.status = 'ended' or (e.status <> 'live' and e.starts_at + make_interval(mins => e.duration_minutes) <= ${now}))`;

/** Sessions the viewer may see, filtered, soonest first (past: latest first), one page. */
export async function listEvents(
	db: Executor,
	viewer: Viewer,
	query: EventsQuery,
	now: Date,
	timeZone = DEFAULT_TIME_ZONE
) {
	let base = db
		.selectFrom('ir_events as e')
		.innerJoin('organizations as o', 'o.id', 'e.org_id')
		.where(visibleTo(viewer))
		.where(query.tab === 'past' ? isPastSql(now) : sql<boolean>`not ${isPastSql(now)}`);
	if (query.q) {
		const pattern = containsPattern(query.q);
		base = base.where((eb) =>
			eb.or(
				['e.title_ko', 'e.title_en', 'e.summary_ko', 'e.summary_en', 'o.name_ko', 'o.name_en'].map((c) =>
					eb(eb.ref(c as 'e.title_ko'), 'ilike', pattern)
				)
			)
		);
	}
	if (query.field)
		base = base.where(
			sql<boolean>`exists (select 1 from organization_terms ot join taxonomy_terms t on t.id = ot.term_id where ot.org_id = e.org_id and t.vocabulary = 'field' and t.slug = ${query.field})`
		);
	if (query.stage)
		base = base.where(
			sql<boolean>`exists (select 1 from products p where p.org_id = e.org_id and (${STAGE_CONDITION[query.stage]}))`
		);
	// Dates are local days in the viewer's time zone.
	if (query.from)
		base = base.where(sql<boolean>`e.starts_at >= (${query.from}::date)::timestamp at time zone ${timeZone}`);
	if (query.to)
		base = base.where(sql<boolean>`e.starts_at < ((${query.to}::date + 1)::timestamp at time zone ${timeZone})`);
	const total = Number((await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
	const events = await base
		.select([
			'e.id',
			'e.title_ko',
			'e.title_en',
			'e.summary_ko',
			'e.summary_en',
			'e.starts_at',
			'e.duration_minutes',
			'e.access',
			'e.status',
			'e.nda_required',
			'e.org_id',
			'o.slug as org_slug',
			'o.name_ko as org_name_ko',
			'o.name_en as org_name_en'
		])
		.select(
			sql<boolean>`exists (select 1 from ir_registrations r where r.event_id = e.id and r.user_id = ${viewer?.id ?? '00000000-0000-0000-0000-000000000000'} and r.cancelled_at is null)`.as(
				'registered'
			)
		)
		.orderBy('e.starts_at', query.tab === 'past' ? 'desc' : 'asc')
		.orderBy('e.id')
		.limit(PAGE_SIZE)
		.offset((query.page - 1) * PAGE_SIZE)
		.execute();
	return { total, events };
}
