// Table types of privacy notices, consents and retention runs (migrations/20261205T0200_privacy.ts).
import type { ColumnType, Generated, Selectable } from 'kysely';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Json<T> = ColumnType<T, string | T, string | T>;

export type ConsentPurpose = 'required' | 'marketing_email' | 'profile_listing';

export interface PrivacyNoticesTable {
	id: Generated<number>;
	version: string;
	published_by: string | null;
	published_at: CreatedAt;
}

export interface PrivacyConsentsTable {
	id: Generated<string>;
	user_id: string;
	purpose: ConsentPurpose;
	granted: boolean;
	notice_version: string;
	created_at: CreatedAt;
}

export interface PrivacyRetentionRunsTable {
	id: Generated<string>;
	ran_at: CreatedAt;
	removed: Json<Record<string, number>>;
}

export type PrivacyConsentRow = Selectable<PrivacyConsentsTable>;
