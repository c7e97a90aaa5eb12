// Queries of programme calls and applications (rules live in the services).
import { sql } from 'kysely';
import type { Executor } from '../db';
import type { ApplicationStatus, ProgrammeCallsTable } from '../db/programmes-types';
import type { Insertable } from 'kysely';

export async function insertCall(db: Executor, values: Insertable<ProgrammeCallsTable>) {
	return db.insertInto('programme_calls').values(values).returningAll().executeTakeFirstOrThrow();
}

export async function findCall(db: Executor, id: string) {
	return db.selectFrom('programme_calls').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Row lock on the call: selections, promotions and withdrawals of one call take turns. */
export async function lockCall(db: Executor, id: string) {
	return db.selectFrom('programme_calls').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export type CallFilter = { field?: string; region?: string };

/** Calls with their running organisation, open ones first by closing time, then past ones. */
export async function listCalls(db: Executor, filter: CallFilter) {
	let query = db
		.selectFrom('programme_calls as c')
		.innerJoin('organizations as o', 'o.id', 'c.org_id')
		.leftJoin('taxonomy_terms as t', 't.id', 'c.field_term_id')
		.select([
			'c.id',
			'c.title_ko',
			'c.title_en',
			'c.region',
			'c.places',
			'c.budget_krw',
			'c.opens_at',
			'c.closes_at',
			'o.name_ko as org_name_ko',
			'o.name_en as org_name_en',
			't.name_ko as field_ko',
			't.name_en as field_en'
		])
		.select(sql<boolean>`now() >= c.opens_at and now() < c.closes_at`.as('is_open'))
		.select(sql<boolean>`now() < c.opens_at`.as('is_upcoming'));
	if (filter.field) query = query.where('c.field_term_id', '=', filter.field);
	if (filter.region) query = query.where('c.region', '=', filter.region);
	return query
		.orderBy(sql`c.closes_at < now()`)
		.orderBy('c.closes_at', 'asc')
		.limit(200)
		.execute();
}

export async function listCallRegions(db: Executor) {
	return (
		await db
			.selectFrom('programme_calls')
			.select('region')
			.distinct()
			.where('region', '<>', '')
			.orderBy('region')
			.execute()
	).map((r) => r.region);
}

export async function listCallFields(db: Executor) {
	return db
		.selectFrom('taxonomy_terms')
		.select(['id', 'name_ko', 'name_en'])
		.where('vocabulary', '=', 'field')
		.orderBy('sort_order')
		.execute();
}

export async function findApplication(db: Executor, id: string) {
	return db.selectFrom('programme_applications').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findApplicationFor(db: Executor, callId: string, orgId: string) {
	return db
		.selectFrom('programme_applications')
		.selectAll()
		.where('call_id', '=', callId)
		.where('organisation_id', '=', orgId)
		.executeTakeFirst();
}

export async function listApplicationFiles(db: Executor, applicationId: string) {
	return db
		.selectFrom('programme_application_files as f')
		.innerJoin('uploads as u', 'u.id', 'f.upload_id')
		.select(['f.question_id', 'f.upload_id', 'u.filename', 'u.size_bytes'])
		.where('f.application_id', '=', applicationId)
		.execute();
}

/** Applications of a call past the draft stage, with the applicant's names, in a stable order. */
export async function listCallApplications(db: Executor, callId: string, statuses: ApplicationStatus[]) {
	return db
		.selectFrom('programme_applications as a')
		.innerJoin('organizations as o', 'o.id', 'a.organisation_id')
		.select([
			'a.id',
			'a.status',
			'a.organisation_id',
			'a.submitted_at',
			'a.decided_at',
			'a.reserve_position',
			'a.decision_reason',
			'o.name_ko',
			'o.name_en',
			'o.slug'
		])
		.where('a.call_id', '=', callId)
		.where('a.status', 'in', statuses)
		.orderBy('a.submitted_at')
		.orderBy('a.id')
		.execute();
}

export async function countSelected(db: Executor, callId: string): Promise<number> {
	const row = await db
		.selectFrom('programme_applications')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('call_id', '=', callId)
		.where('status', '=', 'selected')
		.executeTakeFirstOrThrow();
	return Number(row.n);
}

export async function nextReservePosition(db: Executor, callId: string): Promise<number> {
	const row = await db
		.selectFrom('programme_applications')
		.select((eb) => eb.fn.max('reserve_position').as('top'))
		.where('call_id', '=', callId)
		.executeTakeFirst();
	return Number(row?.top ?? 0) + 1;
}

export async function reserveHead(db: Executor, callId: string) {
	return db
		.selectFrom('programme_applications')
		.selectAll()
		.where('call_id', '=', callId)
		.where('status', '=', 'reserve')
		.orderBy('reserve_position')
		.limit(1)
		.executeTakeFirst();
}

/** The organisations' calls a company has been selected for, for its directory profile. */
export async function listSelectionsOf(db: Executor, orgId: string) {
	return db
		.selectFrom('programme_applications as a')
		.innerJoin('programme_calls as c', 'c.id', 'a.call_id')
		.select(['c.id', 'c.title_ko', 'c.title_en', 'a.decided_at'])
		.where('a.organisation_id', '=', orgId)
		.where('a.status', '=', 'selected')
		.orderBy('a.decided_at', 'desc')
		.execute();
}

export async function listReviewers(db: Executor, callId: string) {
	return db
		.selectFrom('programme_call_reviewers as r')
		.innerJoin('users as u', 'u.id', 'r.user_id')
		.select(['u.id', 'u.name', 'u.email'])
		.where('r.call_id', '=', callId)
		.orderBy('u.name')
		.execute();
}

export async function isReviewer(db: Executor, callId: string, userId: string): Promise<boolean> {
	return (
		(await db
			.selectFrom('programme_call_reviewers')
			.select('user_id')
			.where('call_id', '=', callId)
			.where('user_id', '=', userId)
			.executeTakeFirst()) !== undefined
	);
}
