// Table types of support programmes (migrations/20261205T0300_programmes.ts).
import type { ColumnType, Generated, Selectable } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T> = ColumnType<T, string, string>;

export const APPLICATION_STATUSES = ['draft', 'submitted', 'withdrawn', 'selected', 'reserve', 'declined'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];
export const QUESTION_KINDS = ['short_text', 'long_text', 'number', 'choice', 'file'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];
export const MFDS_STAGES = ['none', 'in_review', 'approved'] as const;
export type MfdsStage = (typeof MFDS_STAGES)[number];
export type RelationKind = 'invested_in' | 'partner_of';
export type ConflictReason = 'same_organisation' | RelationKind;

export type Question = {
	id: string;
	kind: QuestionKind;
	label_ko: string;
	label_en: string;
	required: boolean;
	options?: string[];
};
export type Criterion = { id: string; label_ko: string; label_en: string; weight: number };
export type Eligibility = {
	orgKinds?: string[];
	verifiedOnly?: boolean;
	regions?: string[];
	minMfdsStage?: MfdsStage;
	minEmployees?: number | null;
	maxEmployees?: number | null;
	notSelectedInProgramme?: boolean;
};

export const RELATION_KINDS = ['invested_in', 'partner_of'] as const;
export type RelationStatus = 'declared' | 'confirmed';

/** `org_id` declared the tie (investor of / partner of `related_org_id`); the related side confirms it. */
export interface OrganizationRelationsTable {
	id: Generated<string>;
	org_id: string;
	related_org_id: string;
	kind: RelationKind;
	status: Generated<RelationStatus>;
	declared_by: string | null;
	decided_by: string | null;
	decided_at: Timestamp | null;
	created_at: CreatedAt;
}

/** People a selected company may book consulting sessions with (migrations/20261206T0400_consulting.ts). */
export interface ProgrammeConsultantsTable {
	call_id: string;
	user_id: string;
	added_by: string | null;
	created_at: CreatedAt;
}

export interface ProgrammeCallsTable {
	id: Generated<string>;
	programme_key: string;
	org_id: string;
	title_ko: string;
	title_en: string;
	description_ko: Generated<string>;
	description_en: Generated<string>;
	field_term_id: string | null;
	region: Generated<string>;
	budget_krw: number;
	places: number;
	voucher_amount_krw: Generated<number>;
	opens_at: Timestamp;
	closes_at: Timestamp;
	programme_ends_at: Timestamp;
	eligibility: Json<Eligibility>;
	questions: Json<Question[]>;
	rubric: Json<Criterion[]>;
	created_by: string | null;
	created_at: CreatedAt;
	updated_at: UpdatedAt;
}

export interface ProgrammeCallReviewersTable {
	call_id: string;
	user_id: string;
}

export interface ProgrammeApplicationsTable {
	id: Generated<string>;
	call_id: string;
	organisation_id: string;
	status: Generated<ApplicationStatus>;
	answers: Json<Record<string, string>>;
	reserve_position: number | null;
	decision_reason: string | null;
	created_by: string | null;
	submitted_at: Timestamp | null;
	decided_at: Timestamp | null;
	created_at: CreatedAt;
	updated_at: UpdatedAt;
}

export interface ProgrammeApplicationFilesTable {
	application_id: string;
	question_id: string;
	upload_id: string;
}

export interface ProgrammeConflictsTable {
	application_id: string;
	reviewer_id: string;
	conflicted: boolean;
	auto_reason: ConflictReason | null;
	declared_at: Generated<Date>;
}

export interface ProgrammeReviewsTable {
	id: Generated<string>;
	application_id: string;
	reviewer_id: string;
	scores: Json<Record<string, number>>;
	comment: Generated<string>;
	submitted_at: Timestamp | null;
	created_at: CreatedAt;
	updated_at: UpdatedAt;
}

export type ProgrammeCallRow = Selectable<ProgrammeCallsTable>;
export type ProgrammeApplicationRow = Selectable<ProgrammeApplicationsTable>;
export type ProgrammeReviewRow = Selectable<ProgrammeReviewsTable>;
