// The one place where a selection becomes support. Called inside the transaction that holds the
// call's row lock, for a first selection and for a promotion from the reserve list alike.
import { sql, type Transaction } from 'kysely';
import type { DB } from '../db';
import type { ProgrammeApplicationRow, ProgrammeCallRow } from '../db/programmes-types';
import { recordAudit } from '../audit/repository';

export async function grantSupport(trx: Transaction<DB>, application: ProgrammeApplicationRow, call: ProgrammeCallRow, actorId: string | null = null): Promise<ProgrammeApplicationRow> {
	const selected = await trx
		.updateTable('programme_applications')
		.set({ status: 'selected', reserve_position: null, decision_reason: null, decided_at: sql`now()`, updated_at: new Date() })
		.where('id', '=', application.id)
		.returningAll()
		.executeTakeFirstOrThrow();
	await recordAudit(trx, { actorId, action: 'programme_application.selected', entityType: 'programme_application', entityId: application.id, data: { callId: call.id, voucherAmountKrw: call.voucher_amount_krw } });
	// Voucher: at merge, issueVoucher(trx, { organisationId, programmeCallId: call.id, amountKrw: call.voucher_amount_krw,
	// expiresAt: call.programme_ends_at, label }) is called here when call.voucher_amount_krw > 0 (src/lib/server/vouchers/service.ts).
	return selected;
}
