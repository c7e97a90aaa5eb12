// Test data for vouchers: a voucher issued to an organisation, and the ledger's view of it.
import type { Kysely } from 'kysely';
import type { DB } from '$lib/server/db';
import { issueVoucher } from '$lib/server/vouchers/service';

export async function grantVoucher(db: Kysely<DB>, orgId: string, amountKrw: number, expiresAt: Date) {
	return db.transaction().execute((trx) =>
		issueVoucher(trx, {
			organisationId: orgId,
			programmeCallId: null,
			amountKrw,
			expiresAt,
			label: { ko: '2026 디지털헬스 실증 지원', en: '2026 digital-health validation support' }
		})
	);
}

export async function balanceOf(db: Kysely<DB>, voucherId: string) {
	return (await db.selectFrom('vouchers').select('balance_krw').where('id', '=', voucherId).executeTakeFirstOrThrow())
		.balance_krw;
}

export async function ledgerOf(db: Kysely<DB>, voucherId: string) {
	return db
		.selectFrom('voucher_ledger')
		.selectAll()
		.where('voucher_id', '=', voucherId)
		.orderBy('created_at')
		.execute();
}
