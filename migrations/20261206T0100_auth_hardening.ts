// Issue #16 hardening: TOTP keys are encrypted at rest (AES-256-GCM under TOTP_ENCRYPTION_KEY, see
// src/lib/server/common/totp-secret.ts). Keys stored before are plain 20-byte values: each is encrypted
// in place, in the migration's transaction. Running it with the wrong key is not possible to detect
// here (plain keys carry no check), so set TOTP_ENCRYPTION_KEY before the first start that migrates.
import type { Kysely } from 'kysely';
import { decryptTotpKey, encryptTotpKey, isPlainTotpKey } from '../src/lib/server/common/totp-secret';

type Row = { id: string; totp_key: Uint8Array };

async function storedKeys(db: Kysely<any>): Promise<Row[]> {
	return (await db.selectFrom('users').select(['id', 'totp_key']).where('totp_key', 'is not', null).execute()) as Row[];
}

export async function up(db: Kysely<any>): Promise<void> {
	for (const row of await storedKeys(db)) {
		const stored = new Uint8Array(row.totp_key);
		if (!isPlainTotpKey(stored)) continue;
		await db
			.updateTable('users')
			.set({ totp_key: encryptTotpKey(stored, row.id) })
			.where('id', '=', row.id)
			.execute();
	}
}

export async function down(db: Kysely<any>): Promise<void> {
	for (const row of await storedKeys(db)) {
		const stored = new Uint8Array(row.totp_key);
		if (isPlainTotpKey(stored)) continue;
		await db
			.updateTable('users')
			.set({ totp_key: decryptTotpKey(stored, row.id) })
			.where('id', '=', row.id)
			.execute();
	}
}
