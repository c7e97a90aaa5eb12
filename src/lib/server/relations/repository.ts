// Queries of organisation relations (investor of, partner of), declared by one side.
import type { Executor } from '../db';
import type { RelationKind } from '../db/programmes-types';

const columns = ['r.id', 'r.org_id', 'r.related_org_id', 'r.kind', 'r.status', 'r.created_at', 'r.decided_at'] as const;

function withNames(db: Executor) {
	return db
		.selectFrom('organization_relations as r')
		.innerJoin('organizations as a', 'a.id', 'r.org_id')
		.innerJoin('organizations as b', 'b.id', 'r.related_org_id')
		.select(columns)
		.select([
			'a.slug as org_slug',
			'a.name_ko as org_name_ko',
			'a.name_en as org_name_en',
			'b.slug as related_slug',
			'b.name_ko as related_name_ko',
			'b.name_en as related_name_en'
		]);
}

export function insertRelation(
	db: Executor,
	values: { org_id: string; related_org_id: string; kind: RelationKind; declared_by: string }
) {
	return db.insertInto('organization_relations').values(values).returningAll().executeTakeFirstOrThrow();
}

export function lockRelation(db: Executor, id: string) {
	return db.selectFrom('organization_relations').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export function confirmRelation(db: Executor, id: string, userId: string, now: Date) {
	return db
		.updateTable('organization_relations')
		.set({ status: 'confirmed', decided_by: userId, decided_at: now })
		.where('id', '=', id)
		.returningAll()
		.executeTakeFirstOrThrow();
}

export function deleteRelation(db: Executor, id: string) {
	return db.deleteFrom('organization_relations').where('id', '=', id).execute();
}

/** Every relation the organisation is part of, either side, whatever its status. */
export function listForOrg(db: Executor, orgId: string) {
	return withNames(db)
		.where((eb) => eb.or([eb('r.org_id', '=', orgId), eb('r.related_org_id', '=', orgId)]))
		.orderBy('r.created_at', 'desc')
		.execute();
}

/** Confirmed relations, for the public profile. */
export function listConfirmedForOrg(db: Executor, orgId: string) {
	return withNames(db)
		.where('r.status', '=', 'confirmed')
		.where((eb) => eb.or([eb('r.org_id', '=', orgId), eb('r.related_org_id', '=', orgId)]))
		.orderBy('r.kind')
		.orderBy('r.decided_at')
		.execute();
}

/** For the operator: every relation, open ones first. */
export function listAll(db: Executor) {
	return withNames(db).orderBy('r.status', 'desc').orderBy('r.created_at', 'desc').limit(500).execute();
}

/** Verified organisations one may name in a declaration. */
export function listCandidates(db: Executor, exceptOrgId: string) {
	return db
		.selectFrom('organizations')
		.select(['id', 'name_ko', 'name_en', 'kind'])
		.where('status', '=', 'verified')
		.where('id', '<>', exceptOrgId)
		.orderBy('name_ko')
		.execute();
}
