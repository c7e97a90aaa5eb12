// The rules of an investor thesis: only the admins of a verified investor organisation state it.
import type { Kysely } from 'kysely';
import type { DB, Executor } from '../db';
import { recordAudit } from '../audit/repository';
import { NotFoundError } from '../errors';
import { requireOrgAdmin, type Actor } from '../orgs/access';
import * as orgRepository from '../orgs/repository';
import { NotInvestorError } from './errors';
import { thesisSchema } from './schemas';
import { findThesis, saveThesis, type Thesis } from './thesis-repository';

export async function getThesis(db: Executor, orgId: string): Promise<Thesis | null> {
	return findThesis(db, orgId);
}

/** Validates, checks the actor is an admin of this investor org, saves and audits in one transaction. */
export async function putThesis(db: Kysely<DB>, actor: Actor, orgId: string, raw: unknown): Promise<Thesis> {
	const input = thesisSchema.parse(raw);
	return db.transaction().execute(async (trx) => {
		const org = await orgRepository.findOrganizationById(trx, orgId);
		if (!org) throw new NotFoundError();
		await requireOrgAdmin(trx, actor, orgId);
		if (org.kind !== 'investor') throw new NotInvestorError();
		await saveThesis(trx, orgId, input, actor.id);
		await recordAudit(trx, {
			actorId: actor.id,
			action: 'thesis.saved',
			entityType: 'organization',
			entityId: orgId,
			data: { ...input }
		});
		return (await findThesis(trx, orgId))!;
	});
}
