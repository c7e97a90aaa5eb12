// Tells an applicant's owners and admins about a decision, each in their own language.
import type { Transaction } from 'kysely';
import type { DB } from '../db';
import type { ProgrammeApplicationRow, ProgrammeCallRow } from '../db/programmes-types';
import { notifyUser } from '../app/notifications';
import type { Context } from './calls';
import type { ProgrammesNotificationKind } from './notifications';

export async function notifyApplicant(
	trx: Transaction<DB>,
	application: ProgrammeApplicationRow,
	call: ProgrammeCallRow,
	kind: ProgrammesNotificationKind,
	context: Context
) {
	const admins = await trx
		.selectFrom('memberships')
		.select('user_id')
		.where('org_id', '=', application.organisation_id)
		.where('role', 'in', ['owner', 'admin'])
		.execute();
	const params = {
		title: call.title_ko,
		title_en: call.title_en,
		reason: application.decision_reason ?? '',
		position: String(application.reserve_position ?? '')
	};
	for (const { user_id } of admins)
		await notifyUser(trx, { userId: user_id, kind, params, link: `/programmes/${call.id}`, origin: context.origin });
}
