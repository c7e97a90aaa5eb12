// The rules of organisation relations: an organisation's admins declare that it invested in, or
// partners with, another organisation; that organisation's admins confirm or reject the declaration;
// operators see and remove any. Declared and confirmed relations both flag reviewers' conflicts of
// interest (programmes/conflicts.ts); a rejected or withdrawn declaration is deleted, so it flags nothing.
import type { Kysely, Selectable } from 'kysely';
import * as m from '$lib/paraglide/messages';
import type { DB, Executor } from '../db';
import type { OrganizationRelationsTable, RelationKind } from '../db/programmes-types';
import { recordAudit } from '../audit/repository';
import { isUniqueViolation } from '../db/errors';
import { ForbiddenError, NotFoundError } from '../errors';
import { notifyUser } from '../app/notifications';
import type { Actor } from '../orgs/access';
import { NotOrgAdminError, OrgNotVerifiedError } from '../orgs/errors';
import * as orgRepository from '../orgs/repository';
import {
	NotDeclarerError,
	NotOtherSideError,
	RelationExistsError,
	RelationNotOpenError,
	RelationOrgUnknownError
} from './errors';
import type { RelationsNotificationKind } from './notifications';
import * as relationRepository from './repository';

type Relation = Selectable<OrganizationRelationsTable>;
export type Context = { ip: string | null; origin: string };

/** Owner or admin of the organisation in person: operators do not speak for either side. */
async function isOwnAdmin(db: Executor, userId: string, orgId: string): Promise<boolean> {
	const membership = await orgRepository.findMembership(db, orgId, userId);
	return membership?.role === 'owner' || membership?.role === 'admin';
}

async function tell(
	db: Executor,
	relation: Relation,
	toOrgId: string,
	kind: RelationsNotificationKind,
	context: Context
) {
	const orgs = await db
		.selectFrom('organizations')
		.select(['id', 'slug', 'name_ko', 'name_en'])
		.where('id', 'in', [relation.org_id, relation.related_org_id])
		.execute();
	const from = orgs.find((o) => o.id === relation.org_id)!;
	const to = orgs.find((o) => o.id === relation.related_org_id)!;
	const target = orgs.find((o) => o.id === toOrgId)!;
	const kindLabel = relation.kind === 'invested_in' ? m.relation_kind_invested_in : m.relation_kind_partner_of;
	const params = {
		from: from.name_ko,
		from_en: from.name_en,
		to: to.name_ko,
		to_en: to.name_en,
		kind: kindLabel({}, { locale: 'ko' }),
		kind_en: kindLabel({}, { locale: 'en' })
	};
	for (const userId of await orgRepository.listOrgAdminIds(db, toOrgId)) {
		await notifyUser(db, { userId, kind, params, link: `/orgs/${target.slug}/relations`, origin: context.origin });
	}
}

/** An organisation's relations page: for its own admins and for operators (read and remove). */
export async function readRelations(db: Executor, actor: Actor, slug: string) {
	const org = await orgRepository.findOrganizationBySlug(db, slug);
	if (!org) throw new NotFoundError();
	const isAdmin = await isOwnAdmin(db, actor.id, org.id);
	if (!isAdmin && !actor.isOperator) throw new NotOrgAdminError();
	const [relations, candidates] = await Promise.all([
		relationRepository.listForOrg(db, org.id),
		isAdmin ? relationRepository.listCandidates(db, org.id) : Promise.resolve([])
	]);
	return { org, isAdmin, relations, candidates };
}

export async function declareRelation(
	db: Kysely<DB>,
	actor: Actor,
	orgId: string,
	input: { relatedOrgId: string; kind: RelationKind },
	context: Context
) {
	return db.transaction().execute(async (trx) => {
		const org = await orgRepository.findOrganizationById(trx, orgId);
		if (!org) throw new NotFoundError();
		if (!(await isOwnAdmin(trx, actor.id, org.id))) throw new NotOrgAdminError();
		if (org.status !== 'verified') throw new OrgNotVerifiedError();
		const related = await orgRepository.findOrganizationById(trx, input.relatedOrgId);
		if (!related || related.status !== 'verified' || related.id === org.id) throw new RelationOrgUnknownError();
		const relation = await relationRepository
			.insertRelation(trx, { org_id: org.id, related_org_id: related.id, kind: input.kind, declared_by: actor.id })
			.catch((error) => {
				throw isUniqueViolation(error) ? new RelationExistsError() : error;
			});
		await recordAudit(trx, {
			actorId: actor.id,
			action: 'organization_relation.declared',
			entityType: 'organization',
			entityId: org.id,
			data: { relationId: relation.id, relatedOrgId: related.id, kind: input.kind },
			ip: context.ip
		});
		await tell(trx, relation, related.id, 'relation_declared', context);
		return relation;
	});
}

/** The declaration, locked, for an admin of the side named in it (the declarer is told it is not theirs). */
async function requireOtherSide(db: Executor, actor: Actor, relationId: string) {
	const relation = await relationRepository.lockRelation(db, relationId);
	if (!relation) throw new NotFoundError();
	if (await isOwnAdmin(db, actor.id, relation.related_org_id)) {
		if (relation.status !== 'declared') throw new RelationNotOpenError();
		return relation;
	}
	if (actor.isOperator || (await isOwnAdmin(db, actor.id, relation.org_id))) throw new NotOtherSideError();
	throw new NotFoundError();
}

export async function confirmRelation(
	db: Kysely<DB>,
	actor: Actor,
	relationId: string,
	context: Context,
	now = new Date()
) {
	return db.transaction().execute(async (trx) => {
		await requireOtherSide(trx, actor, relationId);
		const relation = await relationRepository.confirmRelation(trx, relationId, actor.id, now);
		await recordAudit(trx, {
			actorId: actor.id,
			action: 'organization_relation.confirmed',
			entityType: 'organization',
			entityId: relation.related_org_id,
			data: { relationId, orgId: relation.org_id, kind: relation.kind },
			ip: context.ip
		});
		await tell(trx, relation, relation.org_id, 'relation_confirmed', context);
		return relation;
	});
}

export async function rejectRelation(db: Kysely<DB>, actor: Actor, relationId: string, context: Context) {
	return db.transaction().execute(async (trx) => {
		const relation = await requireOtherSide(trx, actor, relationId);
		await relationRepository.deleteRelation(trx, relationId);
		await recordAudit(trx, {
			actorId: actor.id,
			action: 'organization_relation.rejected',
			entityType: 'organization',
			entityId: relation.related_org_id,
			data: { relationId, orgId: relation.org_id, kind: relation.kind },
			ip: context.ip
		});
		await tell(trx, relation, relation.org_id, 'relation_rejected', context);
	});
}

/** The declarer takes back a declaration not yet answered; a confirmed one is removed by an operator. */
export async function withdrawRelation(db: Kysely<DB>, actor: Actor, relationId: string, context: Context) {
	return db.transaction().execute(async (trx) => {
		const relation = await relationRepository.lockRelation(trx, relationId);
		if (!relation) throw new NotFoundError();
		if (!(await isOwnAdmin(trx, actor.id, relation.org_id))) {
			if (await isOwnAdmin(trx, actor.id, relation.related_org_id)) throw new NotDeclarerError();
			throw new NotFoundError();
		}
		if (relation.status !== 'declared') throw new RelationNotOpenError();
		await relationRepository.deleteRelation(trx, relationId);
		await recordAudit(trx, {
			actorId: actor.id,
			action: 'organization_relation.withdrawn',
			entityType: 'organization',
			entityId: relation.org_id,
			data: { relationId, relatedOrgId: relation.related_org_id, kind: relation.kind },
			ip: context.ip
		});
	});
}

export async function removeRelation(db: Kysely<DB>, actor: Actor, relationId: string, context: Context) {
	if (!actor.isOperator) throw new ForbiddenError('operator_only');
	return db.transaction().execute(async (trx) => {
		const relation = await relationRepository.lockRelation(trx, relationId);
		if (!relation) throw new NotFoundError();
		await relationRepository.deleteRelation(trx, relationId);
		await recordAudit(trx, {
			actorId: actor.id,
			action: 'organization_relation.removed',
			entityType: 'organization',
			entityId: relation.org_id,
			data: { relationId, relatedOrgId: relation.related_org_id, kind: relation.kind, status: relation.status },
			ip: context.ip
		});
		await tell(trx, relation, relation.org_id, 'relation_removed', context);
		await tell(trx, relation, relation.related_org_id, 'relation_removed', context);
	});
}
