// Recovery codes: ten random single-use codes, shown once, stored as SHA-256 hashes (they carry 60
// bits of randomness each, so a fast hash is enough, as for session secrets).
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';
import type { Executor } from '../db';

export const RECOVERY_CODE_COUNT = 10;

function generateRecoveryCode(): string {
	const bytes = new Uint8Array(8);
	crypto.getRandomValues(bytes);
	const raw = encodeBase32LowerCaseNoPadding(bytes).slice(0, 12);
	return `${raw.slice(0, 4)}-${raw.slice(4, 8)}-${raw.slice(8, 12)}`;
}

/** Spaces, dashes and case do not matter when a code is typed back. */
export function hashRecoveryCode(code: string): Uint8Array {
	return sha256(new TextEncoder().encode(code.replace(/[\s-]/g, '').toLowerCase()));
}

/** Replaces the user's codes with ten new ones and returns them (the only time they are readable). */
export async function replaceRecoveryCodes(db: Executor, userId: string): Promise<string[]> {
	const codes = Array.from({ length: RECOVERY_CODE_COUNT }, generateRecoveryCode);
	await db.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
	await db
		.insertInto('recovery_codes')
		.values(codes.map((code) => ({ user_id: userId, code_hash: hashRecoveryCode(code) })))
		.execute();
	return codes;
}

/** Marks the code used; true only for an unused code of this user (one statement: no double use). */
export async function consumeRecoveryCode(db: Executor, userId: string, code: string): Promise<boolean> {
	if (!/^[a-z2-7]{12}$/i.test(code.replace(/[\s-]/g, ''))) return false;
	const row = await db
		.updateTable('recovery_codes')
		.set({ used_at: new Date() })
		.where('user_id', '=', userId)
		.where('code_hash', '=', hashRecoveryCode(code))
		.where('used_at', 'is', null)
		.returning('id')
		.executeTakeFirst();
	return row !== undefined;
}

export async function countUnusedRecoveryCodes(db: Executor, userId: string): Promise<number> {
	const row = await db
		.selectFrom('recovery_codes')
		.select((eb) => eb.fn.countAll<string>().as('count'))
		.where('user_id', '=', userId)
		.where('used_at', 'is', null)
		.executeTakeFirstOrThrow();
	return Number(row.count);
}
