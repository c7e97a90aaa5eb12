// Organisation lifecycle: creation (pending), verification or rejection by the operator.
import type { Kysely } from 'kysely';
import type { DB } from '../db';
import type { OrgKind } from '../db/types';
import { isUniqueViolation } from '../db/errors';
import { recordAudit } from '../audit/repository';
import { notifyUser } from '../app/notifications';
import { DomainError, ForbiddenError, InvalidStateError, NotFoundError } from '../errors';
import { SlugTakenError } from './errors';
import * as orgRepository from './repository';
import type { Context } from '$lib/server/common/context';

export type NewOrganizationInput = {
	slug: string;
	kind: OrgKind;
	nameKo: string;
	nameEn: string;
	summaryKo: string;
	summaryEn: string;
	region: string;
	website: string | null;
	foundedYear: number | null;
};

export async function createOrganization(
	db: Kysely<DB>,
	userId: string,
	input: NewOrganizationInput,
	context: Context
) {
	try {
		return await db.transaction().execute(async (trx) => {
			const org = await orgRepository.insertOrganization(trx, {
				slug: input.slug,
				kind: input.kind,
				name_ko: input.nameKo,
				name_en: input.nameEn,
				summary_ko: input.summaryKo,
				summary_en: input.summaryEn,
				region: input.region,
				website: input.website,
				founded_year: input.foundedYear,
				created_by: userId
			});
			await orgRepository.insertMembership(trx, org.id, userId, 'owner');
			await recordAudit(trx, {
				actorId: userId,
				action: 'organization.created',
				entityType: 'organization',
				entityId: org.id,
				data: { slug: org.slug, kind: org.kind },
				ip: context.ip
			});
			const operators = await trx
				.selectFrom('users')
				.select('id')
				.where('is_operator', '=', true)
				.where('disabled_at', 'is', null)
				.execute();
			for (const operator of operators) {
				await notifyUser(trx, {
					userId: operator.id,
					kind: 'org_pending_verification',
					params: { org: org.name_ko, org_en: org.name_en },
					link: '/admin',
					origin: context.origin
				});
			}
			return org;
		});
	} catch (error) {
		if (isUniqueViolation(error, 'organizations_slug_key')) throw new SlugTakenError();
		throw error;
	}
}

/** The operator verifies (reason optional) or rejects (reason required) a pending organisation. */
export async function decideVerification(
	db: Kysely<DB>,
	operatorId: string,
	orgId: string,
	decision: { verified: boolean; reason: string | null },
	context: Context
) {
	if (!decision.verified && !decision.reason?.trim()) throw new DomainError('validation_failed', 400);
	return db.transaction().execute(async (trx) => {
		const operator = await trx
			.selectFrom('users')
			.select('is_operator')
			.where('id', '=', operatorId)
			.executeTakeFirst();
		if (!operator?.is_operator) throw new ForbiddenError('operator_only');
		const current = await trx
			.selectFrom('organizations')
			.select(['id', 'status'])
			.where('id', '=', orgId)
			.forUpdate()
			.executeTakeFirst();
		if (!current) throw new NotFoundError();
		if (current.status !== 'pending' && !(current.status === 'rejected' && decision.verified))
			throw new InvalidStateError();
		const org = await orgRepository.setOrganizationStatus(
			trx,
			orgId,
			decision.verified ? 'verified' : 'rejected',
			decision.reason
		);
		await recordAudit(trx, {
			actorId: operatorId,
			action: decision.verified ? 'organization.verified' : 'organization.rejected',
			entityType: 'organization',
			entityId: orgId,
			data: { from: current.status, reason: decision.reason },
			ip: context.ip
		});
		for (const userId of await orgRepository.listOrgAdminIds(trx, orgId)) {
			await notifyUser(trx, {
				userId,
				kind: decision.verified ? 'org_verified' : 'org_rejected',
				params: { org: org.name_ko, org_en: org.name_en, reason: decision.reason ?? '' },
				link: `/orgs/${org.slug}`,
				origin: context.origin
			});
		}
		return org;
	});
}
