// Table types of second factors (migrations/20261205T0100_second_factor.ts).
import type { ColumnType, Generated, Selectable } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;

export interface RecoveryCodesTable {
	id: Generated<string>;
	user_id: string;
	code_hash: Uint8Array;
	used_at: Timestamp | null;
	created_at: CreatedAt;
}

export interface PasskeysTable {
	id: Uint8Array;
	user_id: string;
	name: string;
	/** COSE algorithm: -7 (ES256) or -257 (RS256). */
	algorithm: number;
	/** ES256: SEC1 uncompressed point; RS256: PKCS#1 public key. */
	public_key: Uint8Array;
	created_at: CreatedAt;
	last_used_at: Timestamp | null;
}

export interface WebauthnChallengesTable {
	challenge_hash: Uint8Array;
	user_id: string | null;
	purpose: 'register' | 'sign_in';
	expires_at: Timestamp;
}

export interface KnownDevicesTable {
	user_id: string;
	device: string;
	first_seen_at: Generated<Date>;
	last_seen_at: Generated<Date>;
}

export type PasskeyRow = Selectable<PasskeysTable>;
