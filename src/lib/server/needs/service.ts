// The rules of needs: who posts, who reviews, who responds; each change audited in its transaction.
import type { Kysely } from 'kysely';
import type { DB, Executor } from '../db';
import type { NeedRow } from '../db/needs-types';
import { recordAudit } from '../audit/repository';
import { NotFoundError } from '../errors';
import { isUniqueViolation } from '../db/errors';
import { notifyUser } from '../app/notifications';
import type { NotificationKind } from '../app/notifications';
import type { Actor } from '../orgs/access';
import { isMemberOf, listHospitalSideUserIds, listMemberCompanies, listStaffHospitals, needRole } from './access';
import { storeNeedAttachments, storeResponseAttachments } from './attachment-files';
import {
	NeedClosedError,
	NotCompanyMemberError,
	NotHospitalSideError,
	NotHospitalStaffError,
	ResponseExistsError,
	ReviewerNotStaffError
} from './errors';
import * as needRepository from './repository';
import * as responseRepository from './responses-repository';
import type { NewNeedInput, RespondInput } from './schemas';
import { canSeeNeed, type Viewer } from './visibility';
import type { Context } from '$lib/server/common/context';

export type { Context };

/** Notification params naming a need in both languages (each falls back to the other). */
export function needParams(need: Pick<NeedRow, 'title_ko' | 'title_en'>) {
	return { title: need.title_ko || need.title_en, title_en: need.title_en || need.title_ko };
}

/** The only way needs notify: nobody hears about a need they cannot see. */
export async function notifyIfVisible(
	db: Executor,
	userIds: string[],
	needId: string,
	kind: NotificationKind,
	params: Record<string, string>,
	link: string,
	context: Context
) {
	for (const userId of new Set(userIds)) {
		if (await canSeeNeed(db, userId, needId))
			await notifyUser(db, { userId, kind, params, link, origin: context.origin });
	}
}

/** A need the viewer may see, as a row (404 otherwise). */
export async function requireVisibleNeed(db: Executor, viewer: Viewer, needId: string): Promise<NeedRow> {
	const need = await needRepository.findNeed(db, needId);
	if (!need || !viewer || !(await canSeeNeed(db, viewer.id, need.id))) throw new NotFoundError();
	return need;
}

/** Posts a need; its PDF attachments are stored in the same transaction (a bad file posts nothing). */
export async function createNeed(
	db: Kysely<DB>,
	actor: Actor,
	input: NewNeedInput,
	context: Context,
	attachments: File[] = []
): Promise<NeedRow> {
	const hospitals = await listStaffHospitals(db, actor.id);
	const hospital = input.hospitalOrgId ? hospitals.find((h) => h.id === input.hospitalOrgId) : hospitals[0];
	if (!hospital) throw new NotHospitalStaffError();
	return db.transaction().execute(async (trx) => {
		const department = input.department
			? await trx
					.selectFrom('taxonomy_terms')
					.select('id')
					.where('id', '=', input.department)
					.where('vocabulary', '=', 'department')
					.executeTakeFirst()
			: undefined;
		const need = await needRepository.insertNeed(trx, {
			hospital_org_id: hospital.id,
			author_id: actor.id,
			locale: input.locale,
			title_ko: input.title_ko,
			title_en: input.title_en,
			description_ko: input.description_ko,
			description_en: input.description_en,
			department_term_id: department?.id ?? null,
			type: input.type,
			required_stage: input.required_stage,
			evidence_note: input.evidence_note,
			support_budget: input.support_budget,
			support_patients: input.support_patients,
			support_data: input.support_data,
			support_space: input.support_space,
			support_note: input.support_note,
			deadline: input.deadline ?? null,
			visibility: input.visibility
		});
		await needRepository.addNeedTerms(trx, need.id, input.terms);
		const invited =
			input.visibility === 'invited'
				? await needRepository.addInvitations(trx, need.id, hospital.id, input.invited)
				: [];
		await needRepository.refreshNeedSearch(trx, need.id);
		const files = await storeNeedAttachments(trx, actor, need.id, attachments);
		await recordAudit(trx, {
			actorId: actor.id,
			action: 'need.created',
			entityType: 'need',
			entityId: need.id,
			data: { hospital: hospital.slug, visibility: need.visibility, invited, files },
			ip: context.ip
		});
		if (invited.length) {
			const admins = await trx
				.selectFrom('memberships')
				.select('user_id')
				.where('org_id', 'in', invited)
				.where('role', 'in', ['owner', 'admin'])
				.execute();
			await notifyIfVisible(
				trx,
				admins.map((a) => a.user_id),
				need.id,
				'needs_invited',
				{ ...needParams(need), org: hospital.name_ko, org_en: hospital.name_en },
				`/needs/${need.id}`,
				context
			);
		}
		return need;
	});
}

/** Hospital admins appoint reviewers among their hospital's members. */
export async function setReviewer(
	db: Kysely<DB>,
	actor: Actor,
	needId: string,
	userId: string,
	assigned: boolean,
	context: Context
) {
	return db.transaction().execute(async (trx) => {
		const need = await requireVisibleNeed(trx, actor, needId);
		if (!(await needRole(trx, actor, need)).hospitalAdmin) throw new NotHospitalSideError();
		if (!assigned) {
			await trx.deleteFrom('need_reviewers').where('need_id', '=', need.id).where('user_id', '=', userId).execute();
			await recordAudit(trx, {
				actorId: actor.id,
				action: 'need.reviewer_removed',
				entityType: 'need',
				entityId: need.id,
				data: { userId },
				ip: context.ip
			});
			return;
		}
		if (!(await isMemberOf(trx, userId, need.hospital_org_id))) throw new ReviewerNotStaffError();
		const added = await trx
			.insertInto('need_reviewers')
			.values({ need_id: need.id, user_id: userId, assigned_by: actor.id })
			.onConflict((oc) => oc.doNothing())
			.returning('user_id')
			.executeTakeFirst();
		if (!added) return;
		await recordAudit(trx, {
			actorId: actor.id,
			action: 'need.reviewer_assigned',
			entityType: 'need',
			entityId: need.id,
			data: { userId },
			ip: context.ip
		});
		await notifyIfVisible(
			trx,
			[userId],
			need.id,
			'needs_reviewer_assigned',
			needParams(need),
			`/needs/${need.id}`,
			context
		);
	});
}

export async function setNeedSaved(db: Kysely<DB>, actor: Actor, needId: string, saved: boolean) {
	const need = await requireVisibleNeed(db, actor, needId);
	await needRepository.setSaved(db, actor.id, need.id, saved);
}

/** The hospital side closes a need (or marks it matched); open again is not offered. */
export async function closeNeed(db: Kysely<DB>, actor: Actor, needId: string, context: Context) {
	return db.transaction().execute(async (trx) => {
		const need = await requireVisibleNeed(trx, actor, needId);
		if (!(await needRole(trx, actor, need)).hospitalSide) throw new NotHospitalSideError();
		if (need.status === 'closed') return need;
		const updated = await trx
			.updateTable('needs')
			.set({ status: 'closed', updated_at: new Date() })
			.where('id', '=', need.id)
			.returningAll()
			.executeTakeFirstOrThrow();
		await recordAudit(trx, {
			actorId: actor.id,
			action: 'need.closed',
			entityType: 'need',
			entityId: need.id,
			data: { from: need.status },
			ip: context.ip
		});
		return updated;
	});
}

/** The company the actor responds for: the one asked for, else their first verified company. */
export async function resolveRespondingCompany(db: Executor, actor: Actor, orgId: string | undefined) {
	const companies = await listMemberCompanies(db, actor.id);
	const company = orgId ? companies.find((c) => c.id === orgId) : companies[0];
	if (!company) throw new NotCompanyMemberError();
	return company;
}

export async function respondToNeed(
	db: Kysely<DB>,
	actor: Actor,
	needId: string,
	input: RespondInput,
	context: Context,
	attachments: File[] = []
) {
	// unique (need_id, org_id) settles a race between two colleagues responding at once.
	return submitResponse(db, actor, needId, input, context, attachments).catch((error) => {
		throw isUniqueViolation(error) ? new ResponseExistsError() : error;
	});
}

function submitResponse(
	db: Kysely<DB>,
	actor: Actor,
	needId: string,
	input: RespondInput,
	context: Context,
	attachments: File[]
) {
	return db.transaction().execute(async (trx) => {
		const need = await requireVisibleNeed(trx, actor, needId);
		const company = await resolveRespondingCompany(trx, actor, input.orgId);
		if (need.status !== 'open' || (need.deadline !== null && need.deadline < needRepository.todayInSeoul()))
			throw new NeedClosedError();
		const existing = await trx
			.selectFrom('need_responses')
			.select('id')
			.where('need_id', '=', need.id)
			.where('org_id', '=', company.id)
			.executeTakeFirst();
		if (existing) throw new ResponseExistsError();
		// Only the company's own products can be attached.
		const products = input.productIds.length
			? (
					await trx
						.selectFrom('products')
						.select('id')
						.where('org_id', '=', company.id)
						.where('id', 'in', input.productIds)
						.execute()
				).map((p) => p.id)
			: [];
		const response = await responseRepository.insertResponse(trx, {
			need_id: need.id,
			org_id: company.id,
			author_id: actor.id,
			message: input.message,
			product_ids: products
		});
		const files = await storeResponseAttachments(trx, actor, response.id, attachments);
		await recordAudit(trx, {
			actorId: actor.id,
			action: 'need_response.submitted',
			entityType: 'need_response',
			entityId: response.id,
			data: { needId: need.id, org: company.slug, files },
			ip: context.ip
		});
		const hospitalSide = await listHospitalSideUserIds(trx, need);
		await notifyIfVisible(
			trx,
			hospitalSide,
			need.id,
			'needs_response_received',
			{ ...needParams(need), org: company.name_ko, org_en: company.name_en },
			`/needs/${need.id}#responses`,
			context
		);
		return response;
	});
}
