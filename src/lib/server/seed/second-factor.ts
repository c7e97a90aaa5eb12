// The demo operator signs in with TOTP (operators must): its key is fixed and printed in the README,
// so demos and tests can compute codes (stored encrypted, like every TOTP key). Set only where the operator has none, so a second run keeps it.
import type { Transaction } from 'kysely';
import type { DB } from '../db/types';
import { decodeTotpKey } from '../auth/totp';
import { encryptTotpKey } from '../common/totp-secret';
import { DEMO_OPERATOR_TOTP_KEY, DEMO_ACCOUNTS } from './demo-accounts';

export async function seedSecondFactor(
	trx: Transaction<DB>,
	userIds: Map<string, string>,
	seededAt: Date
): Promise<void> {
	const key = decodeTotpKey(DEMO_OPERATOR_TOTP_KEY);
	if (!key) throw new Error('DEMO_OPERATOR_TOTP_KEY is not a 20-byte base32 key');
	const operators = DEMO_ACCOUNTS.filter((account) => account.isOperator).map((account) =>
		userIds.get(account.email.toLowerCase())
	);
	for (const id of operators) {
		if (!id) continue;
		await trx
			.updateTable('users')
			.set({ totp_key: encryptTotpKey(key, id), totp_enabled_at: seededAt })
			.where('id', '=', id)
			.where('totp_key', 'is', null)
			.execute();
	}
}
