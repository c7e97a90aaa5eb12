// Table types of the directory (migrations/20261123T0400_directory.ts).
import type { ColumnType, Generated, Selectable } from 'kysely';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;

export type Vocabulary = 'field' | 'capability' | 'department';
export type MfdsStatus = 'none' | 'in_review' | 'approved';
export type FdaPathway = 'none' | '510k' | 'de_novo' | 'pma';
export type FdaStatus = 'none' | 'in_review' | 'cleared';
export type CeClass = 'none' | 'I' | 'IIa' | 'IIb' | 'III';
export type ClinicalStage = 'none' | 'pilot' | 'pivotal' | 'completed' | 'post_market';
export type EmployeeRange = '1-10' | '11-50' | '51-200' | '201-1000' | '1000+';

export interface UploadsTable {
	id: Generated<string>;
	org_id: string | null;
	purpose: UploadPurpose;
	content_type: 'image/webp' | 'image/png' | 'image/jpeg' | 'application/pdf';
	size_bytes: number;
	bytes: Uint8Array;
	created_by: string | null;
	created_at: CreatedAt;
	/** The name it was uploaded under (PDFs; migrations/20261123T0950_uploads.ts). */
	filename: Generated<string>;
	sha256: string | null;
}

export type UploadPurpose =
	| 'logo'
	| 'attachment'
	| 'ir_deck'
	| 'need_attachment'
	| 'need_response_attachment'
	| 'test_request_attachment'
	| 'test_report';

export interface TaxonomyTermsTable {
	id: Generated<string>;
	vocabulary: Vocabulary;
	slug: string;
	name_ko: string;
	name_en: string;
	sort_order: Generated<number>;
	created_at: CreatedAt;
}

export interface OrganizationTermsTable {
	org_id: string;
	term_id: string;
}

export interface ProductsTable {
	id: Generated<string>;
	org_id: string;
	name_ko: string;
	name_en: string;
	summary_ko: Generated<string>;
	summary_en: Generated<string>;
	mfds_class: number | null;
	mfds_status: Generated<MfdsStatus>;
	mfds_approval_no: string | null;
	fda_pathway: Generated<FdaPathway>;
	fda_status: Generated<FdaStatus>;
	ce_class: Generated<CeClass>;
	clinical_stage: Generated<ClinicalStage>;
	sort_order: Generated<number>;
	created_at: CreatedAt;
	updated_at: UpdatedAt;
}

export interface ContactMessagesTable {
	id: Generated<string>;
	org_id: string;
	sender_id: string | null;
	subject: string;
	body: string;
	created_at: CreatedAt;
	read_at: Date | null;
	archived_at: Date | null;
}

export type TaxonomyTermRow = Selectable<TaxonomyTermsTable>;
export type ProductRow = Selectable<ProductsTable>;
