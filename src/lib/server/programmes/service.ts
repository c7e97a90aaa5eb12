// The one place where a selection becomes support. Called inside the transaction that holds the
// call's row lock, for a first selection and for a promotion from the reserve list alike.
import { sql, type Transaction } from 'kysely';
import type { DB } from '../db';
import type { ProgrammeApplicationRow, ProgrammeCallRow } from '../db/programmes-types';
import { recordAudit } from '../audit/repository';
import { issueVoucher } from '../vouchers/service';

export async function grantSupport(
	trx: Transaction<DB>,
	application: ProgrammeApplicationRow,
	call: ProgrammeCallRow,
	actorId: string | null = null
): Promise<ProgrammeApplicationRow> {
	const selected = await trx
		.updateTable('programme_applications')
		.set({
			status: 'selected',
			reserve_position: null,
			decision_reason: null,
			decided_at: sql`now()`,
			updated_at: new Date()
		})
		.where('id', '=', application.id)
		.returningAll()
		.executeTakeFirstOrThrow();
	await recordAudit(trx, {
		actorId,
		action: 'programme_application.selected',
		entityType: 'programme_application',
		entityId: application.id,
		data: { callId: call.id, voucherAmountKrw: call.voucher_amount_krw }
	});
	// The support voucher, once per company and call (a promotion from the reserve list is a first selection).
	if (call.voucher_amount_krw > 0) {
		const issued = await trx
			.selectFrom('vouchers')
			.select('id')
			.where('programme_call_id', '=', call.id)
			.where('org_id', '=', application.organisation_id)
			.executeTakeFirst();
		if (!issued)
			await issueVoucher(trx, {
				organisationId: application.organisation_id,
				programmeCallId: call.id,
				amountKrw: call.voucher_amount_krw,
				expiresAt: call.programme_ends_at,
				label: { ko: call.title_ko, en: call.title_en },
				actorId
			});
	}
	return selected;
}
