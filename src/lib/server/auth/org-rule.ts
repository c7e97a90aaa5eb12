// An organisation's rule that its members must use a second factor; set by its admins (or an operator).
import type { Kysely } from 'kysely';
import type { DB } from '../db';
import { recordAudit } from '../audit/repository';
import { requireOrgAdmin, type Actor } from '../orgs/access';

export async function setOrgRequiresTwoFactor(
	db: Kysely<DB>,
	actor: Actor,
	orgId: string,
	required: boolean,
	ip: string | null
) {
	await db.transaction().execute(async (trx) => {
		await requireOrgAdmin(trx, actor, orgId);
		await trx
			.updateTable('organizations')
			.set({ require_two_factor: required, updated_at: new Date() })
			.where('id', '=', orgId)
			.execute();
		await recordAudit(trx, {
			actorId: actor.id,
			action: 'organization.two_factor_rule',
			entityType: 'organization',
			entityId: orgId,
			data: { required },
			ip
		});
	});
}
