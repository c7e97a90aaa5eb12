// Editing a need after posting: its author or a hospital admin changes what it says, its tags, its
// deadline and who may see it, while it is open. Companies that already responded keep seeing it.
import type { Kysely } from 'kysely';
import type { DB } from '../db';
import type { NeedRow } from '../db/needs-types';
import { recordAudit } from '../audit/repository';
import { NotFoundError } from '../errors';
import type { Actor } from '../orgs/access';
import { needRole } from './access';
import { NeedClosedError, NotHospitalSideError } from './errors';
import * as needRepository from './repository';
import type { NewNeedInput } from './schemas';
import { needParams, notifyIfVisible, requireVisibleNeed, type Context } from './service';

export type EditNeedInput = Omit<NewNeedInput, 'hospitalOrgId'>;

const EDITABLE = [
	'locale',
	'title_ko',
	'title_en',
	'description_ko',
	'description_en',
	'type',
	'required_stage',
	'evidence_note',
	'support_budget',
	'support_patients',
	'support_data',
	'support_space',
	'support_note',
	'deadline',
	'visibility'
] as const;

/** Who may edit: the author (still a member of the hospital) and the hospital's admins. */
export async function canEditNeed(
	db: Kysely<DB>,
	actor: Actor,
	need: Pick<NeedRow, 'id' | 'hospital_org_id' | 'author_id'>
) {
	const role = await needRole(db, actor, need);
	return role.author || role.hospitalAdmin;
}

export async function updateNeed(
	db: Kysely<DB>,
	actor: Actor,
	needId: string,
	input: EditNeedInput,
	context: Context
): Promise<NeedRow> {
	return db.transaction().execute(async (trx) => {
		const visible = await requireVisibleNeed(trx, actor, needId);
		const need = await trx.selectFrom('needs').selectAll().where('id', '=', visible.id).forUpdate().executeTakeFirst();
		if (!need) throw new NotFoundError();
		if (!(await canEditNeed(trx, actor, need))) throw new NotHospitalSideError();
		if (need.status !== 'open') throw new NeedClosedError();

		const department = input.department
			? await trx
					.selectFrom('taxonomy_terms')
					.select('id')
					.where('id', '=', input.department)
					.where('vocabulary', '=', 'department')
					.executeTakeFirst()
			: undefined;
		const next = {
			...Object.fromEntries(EDITABLE.map((key) => [key, input[key] ?? null])),
			department_term_id: department?.id ?? null
		} as Record<string, unknown>;
		const previous = need as Record<string, unknown>;
		const changed = Object.keys(next).filter((key) => String(next[key] ?? '') !== String(previous[key] ?? ''));
		const updated = await trx
			.updateTable('needs')
			.set({ ...next, updated_at: new Date() })
			.where('id', '=', need.id)
			.returningAll()
			.executeTakeFirstOrThrow();

		await trx.deleteFrom('need_terms').where('need_id', '=', need.id).execute();
		await needRepository.addNeedTerms(trx, need.id, input.terms);

		// Invitations: the chosen organisations, plus every company that already responded (it keeps its thread).
		const before = (
			await trx.selectFrom('need_invitations').select('org_id').where('need_id', '=', need.id).execute()
		).map((r) => r.org_id);
		await trx.deleteFrom('need_invitations').where('need_id', '=', need.id).execute();
		let newlyInvited: string[] = [];
		if (input.visibility === 'invited') {
			const responders = (
				await trx.selectFrom('need_responses').select('org_id').where('need_id', '=', need.id).execute()
			).map((r) => r.org_id);
			const invited = await needRepository.addInvitations(trx, need.id, need.hospital_org_id, [
				...new Set([...input.invited, ...responders])
			]);
			// Companies that responded already know the need; only the others hear they were invited.
			newlyInvited = invited.filter((id) => !before.includes(id) && !responders.includes(id));
			if (invited.length !== before.length || newlyInvited.length) changed.push('invited');
		}
		await needRepository.refreshNeedSearch(trx, need.id);
		await recordAudit(trx, {
			actorId: actor.id,
			action: 'need.updated',
			entityType: 'need',
			entityId: need.id,
			data: { changed, invited: newlyInvited },
			ip: context.ip
		});
		if (newlyInvited.length) {
			const hospital = await trx
				.selectFrom('organizations')
				.select(['name_ko', 'name_en'])
				.where('id', '=', need.hospital_org_id)
				.executeTakeFirstOrThrow();
			const admins = await trx
				.selectFrom('memberships')
				.select('user_id')
				.where('org_id', 'in', newlyInvited)
				.where('role', 'in', ['owner', 'admin'])
				.execute();
			await notifyIfVisible(
				trx,
				admins.map((a) => a.user_id),
				need.id,
				'needs_invited',
				{ ...needParams(updated), org: hospital.name_ko, org_en: hospital.name_en },
				`/needs/${need.id}`,
				context
			);
		}
		return updated;
	});
}
