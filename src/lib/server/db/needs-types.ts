// Table types of clinical collaboration needs (migrations/20261123T0700_needs.ts).
import type { ColumnType, Generated, Selectable } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;
/** A `date` column: both drivers are set to hand it back as the `YYYY-MM-DD` text (db/connect.ts). */
type DateColumn = ColumnType<string, string, string>;

export const NEED_TYPES = [
	'clinical_validation',
	'joint_research',
	'pilot_procurement',
	'data_collaboration',
	'advisory'
] as const;
export const NEED_VISIBILITIES = ['all_members', 'companies_only', 'invited'] as const;
export const NEED_STATUSES = ['open', 'matched', 'closed'] as const;
export const NEED_STAGES = [
	'none',
	'clinical_trial',
	'mfds_in_review',
	'mfds_approved',
	'fda_cleared',
	'ce_marked'
] as const;
export const RESPONSE_STATUSES = ['submitted', 'shortlisted', 'accepted', 'declined'] as const;
export const SUPPORT_KINDS = ['budget', 'patients', 'data', 'space'] as const;

export type NeedType = (typeof NEED_TYPES)[number];
export type NeedVisibility = (typeof NEED_VISIBILITIES)[number];
export type NeedStatus = (typeof NEED_STATUSES)[number];
export type NeedStage = (typeof NEED_STAGES)[number];
export type ResponseStatus = (typeof RESPONSE_STATUSES)[number];
export type SupportKind = (typeof SUPPORT_KINDS)[number];

export interface NeedsTable {
	id: Generated<string>;
	hospital_org_id: string;
	author_id: string | null;
	locale: Generated<'ko' | 'en'>;
	title_ko: Generated<string>;
	title_en: Generated<string>;
	description_ko: Generated<string>;
	description_en: Generated<string>;
	department_term_id: string | null;
	type: NeedType;
	required_stage: Generated<NeedStage>;
	evidence_note: Generated<string>;
	support_budget: Generated<boolean>;
	support_patients: Generated<boolean>;
	support_data: Generated<boolean>;
	support_space: Generated<boolean>;
	support_note: Generated<string>;
	deadline: DateColumn | null;
	visibility: Generated<NeedVisibility>;
	status: Generated<NeedStatus>;
	matched_response_id: string | null;
	search_words: Generated<string>;
	search_bigrams: Generated<string>;
	search_text: Generated<string>;
	created_at: CreatedAt;
	updated_at: UpdatedAt;
}

export interface NeedTermsTable {
	need_id: string;
	term_id: string;
}

export interface NeedInvitationsTable {
	need_id: string;
	org_id: string;
	created_at: CreatedAt;
}

export interface NeedReviewersTable {
	need_id: string;
	user_id: string;
	assigned_by: string | null;
	created_at: CreatedAt;
}

export interface SavedNeedsTable {
	user_id: string;
	need_id: string;
	created_at: CreatedAt;
}

export interface NeedResponsesTable {
	id: Generated<string>;
	need_id: string;
	org_id: string;
	author_id: string | null;
	message: string;
	product_ids: Generated<string[]>;
	status: Generated<ResponseStatus>;
	decision_reason: string | null;
	decided_by: string | null;
	decided_at: Timestamp | null;
	created_at: CreatedAt;
	updated_at: UpdatedAt;
}

export interface NeedResponseNotesTable {
	id: Generated<string>;
	response_id: string;
	author_id: string | null;
	body: string;
	created_at: CreatedAt;
}

export interface NeedResponseMessagesTable {
	id: Generated<string>;
	response_id: string;
	author_id: string | null;
	body: string;
	created_at: CreatedAt;
}

export interface NeedResponseReadsTable {
	response_id: string;
	user_id: string;
	last_read_at: Timestamp;
}

export type NeedRow = Selectable<NeedsTable>;
export type NeedResponseRow = Selectable<NeedResponsesTable>;
