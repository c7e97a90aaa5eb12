// Conflicts of interest: a reviewer declares them for every application before seeing any; ties the
// directory knows (same organisation, investor, partner) are flagged and cannot be cleared.
import type { Kysely } from 'kysely';
import type { DB, Executor } from '../db';
import type { ConflictReason } from '../db/programmes-types';
import { recordAudit } from '../audit/repository';
import { NotFoundError } from '../errors';
import type { Actor } from '../orgs/access';
import type { Context } from './calls';
import * as programmeRepository from './repository';

export const REVIEWABLE = ['submitted', 'selected', 'reserve', 'declined'] as const;

/** Why the reviewer's organisations are tied to the applicant, or null. */
export async function automaticConflict(
	db: Executor,
	reviewerId: string,
	applicantOrgId: string
): Promise<ConflictReason | null> {
	const orgs = (await db.selectFrom('memberships').select('org_id').where('user_id', '=', reviewerId).execute()).map(
		(r) => r.org_id
	);
	if (orgs.includes(applicantOrgId)) return 'same_organisation';
	if (orgs.length === 0) return null;
	const ties = await db
		.selectFrom('organization_relations')
		.select(['kind', 'org_id'])
		.where((eb) =>
			eb.or([
				eb.and([eb('org_id', 'in', orgs), eb('related_org_id', '=', applicantOrgId)]),
				eb.and([eb('org_id', '=', applicantOrgId), eb('related_org_id', 'in', orgs), eb('kind', '=', 'partner_of')])
			])
		)
		.execute();
	if (ties.some((t) => t.kind === 'invested_in' && orgs.includes(t.org_id))) return 'invested_in';
	return ties.length ? 'partner_of' : null;
}

export async function requireReviewer(db: Executor, actor: Actor, callId: string) {
	const call = await programmeRepository.findCall(db, callId);
	if (!call || !(await programmeRepository.isReviewer(db, callId, actor.id))) throw new NotFoundError();
	return call;
}

/** Every application to review with the reviewer's declaration (null: not declared yet) and the automatic flag. */
export async function listForDeclaration(db: Executor, actor: Actor, callId: string) {
	const call = await requireReviewer(db, actor, callId);
	const applications = await programmeRepository.listCallApplications(db, callId, [...REVIEWABLE]);
	const declared = await db
		.selectFrom('programme_conflicts')
		.select(['application_id', 'conflicted', 'auto_reason'])
		.where('reviewer_id', '=', actor.id)
		.where(
			'application_id',
			'in',
			applications.length ? applications.map((a) => a.id) : ['00000000-0000-0000-0000-000000000000']
		)
		.execute();
	const rows = [];
	for (const application of applications) {
		const declaration = declared.find((d) => d.application_id === application.id) ?? null;
		rows.push({
			id: application.id,
			name_ko: application.name_ko,
			name_en: application.name_en,
			declaration,
			automatic: declaration?.auto_reason ?? (await automaticConflict(db, actor.id, application.organisation_id))
		});
	}
	return { call, rows };
}

/** Records the reviewer's declaration for every undeclared application; a declaration is final. */
export async function declareConflicts(
	db: Kysely<DB>,
	actor: Actor,
	callId: string,
	conflictedIds: string[],
	context: Context
) {
	return db.transaction().execute(async (trx) => {
		const { call, rows } = await listForDeclaration(trx, actor, callId);
		const open = rows.filter((r) => r.declaration === null);
		for (const row of open) {
			const conflicted = row.automatic !== null || conflictedIds.includes(row.id);
			await trx
				.insertInto('programme_conflicts')
				.values({ application_id: row.id, reviewer_id: actor.id, conflicted, auto_reason: row.automatic })
				.onConflict((oc) => oc.doNothing())
				.execute();
		}
		if (open.length)
			await recordAudit(trx, {
				actorId: actor.id,
				action: 'programme_call.conflicts_declared',
				entityType: 'programme_call',
				entityId: call.id,
				data: {
					declared: open.length,
					conflicted: open.filter((r) => r.automatic !== null || conflictedIds.includes(r.id)).length
				},
				ip: context.ip
			});
		return open.length;
	});
}
