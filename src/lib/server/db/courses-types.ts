// Table types of training courses (migrations/20261123T0600_courses.ts, 20261123T0800_courses_employer_approval.ts).
import type { ColumnType, Generated, Selectable } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;

export const COURSE_CATEGORIES = [
	'technology',
	'regulatory',
	'clinical_trials',
	'commercialisation',
	'smart_factory',
	'iomt_samd'
] as const;
export const COURSE_AUDIENCES = ['employees', 'founders', 'students'] as const;
export const COURSE_LEVELS = ['introductory', 'intermediate', 'advanced'] as const;
export const COURSE_LANGUAGES = ['ko', 'en', 'ko_en'] as const;
export const COURSE_FORMATS = ['online', 'on_site', 'hybrid'] as const;
export const ENROLMENT_STATUSES = [
	'enrolled',
	'waitlisted',
	'offered',
	'cancelled',
	'expired',
	'completed',
	'awaiting_employer',
	'refused'
] as const;

export type CourseCategory = (typeof COURSE_CATEGORIES)[number];
export type CourseAudience = (typeof COURSE_AUDIENCES)[number];
export type CourseLevel = (typeof COURSE_LEVELS)[number];
export type CourseLanguage = (typeof COURSE_LANGUAGES)[number];
export type CourseFormat = (typeof COURSE_FORMATS)[number];
export type EnrolmentStatus = (typeof ENROLMENT_STATUSES)[number];

export interface CoursesTable {
	id: Generated<string>;
	slug: string;
	provider_org_id: string;
	category: CourseCategory;
	audiences: Generated<CourseAudience[]>;
	level: CourseLevel;
	language: CourseLanguage;
	format: CourseFormat;
	place_ko: Generated<string>;
	place_en: Generated<string>;
	title_ko: string;
	title_en: string;
	summary_ko: Generated<string>;
	summary_en: Generated<string>;
	description_ko: Generated<string>;
	description_en: Generated<string>;
	syllabus_ko: Generated<string>;
	syllabus_en: Generated<string>;
	/** numeric: PostgreSQL returns it as a string. */
	hours: ColumnType<string | null, number | string | null | undefined, number | string | null>;
	credential_id: string | null;
	published: Generated<boolean>;
	/** Set when archived (migrations/20261207T0300_course_authoring.ts); never together with published. */
	archived_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
	created_at: CreatedAt;
	updated_at: UpdatedAt;
}

export interface CoursePrerequisitesTable {
	course_id: string;
	prerequisite_id: string;
}

export interface CourseManagersTable {
	course_id: string;
	user_id: string;
	created_at: CreatedAt;
}

export interface CohortsTable {
	id: Generated<string>;
	course_id: string;
	label_ko: string;
	label_en: string;
	capacity: number;
	enrol_opens_at: Timestamp;
	enrol_closes_at: Timestamp;
	waitlist_enabled: Generated<boolean>;
	employer_approval: Generated<boolean>;
	offer_hours: Generated<number>;
	place_ko: Generated<string>;
	place_en: Generated<string>;
	/** What a seat costs (migrations/20261205T0400_vouchers.ts); 0 for a free cohort. */
	fee_krw: Generated<number>;
	cancelled_at: Timestamp | null;
	/** Why the cohort was cancelled (migrations/20261206T0200_cohort_edit.ts); told to the trainees. */
	cancel_reason: ColumnType<string | null, string | null | undefined, string | null>;
	created_at: CreatedAt;
	updated_at: UpdatedAt;
}

export interface CohortMeetingsTable {
	id: Generated<string>;
	cohort_id: string;
	starts_at: Timestamp;
	ends_at: Timestamp;
	place_ko: Generated<string>;
	place_en: Generated<string>;
	/** Raised whenever the meeting moves, so calendar apps replace it. */
	sequence: Generated<number>;
	updated_at: UpdatedAt;
}

export interface EnrolmentsTable {
	id: Generated<string>;
	cohort_id: string;
	user_id: string;
	org_id: string;
	status: EnrolmentStatus;
	position: number | null;
	offer_expires_at: Timestamp | null;
	enrolled_at: Timestamp | null;
	employer_decided_by: ColumnType<string | null, string | null | undefined, string | null>;
	employer_decided_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
	refusal_reason: ColumnType<string | null, string | null | undefined, string | null>;
	/** The trainee asked for the fee to come from a voucher when the place becomes a seat. */
	pay_with_voucher: Generated<boolean>;
	created_at: CreatedAt;
	updated_at: UpdatedAt;
}

export interface AttendanceTable {
	meeting_id: string;
	enrolment_id: string;
	present: boolean;
	marked_by: string | null;
	marked_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface CertificatesTable {
	id: Generated<string>;
	serial: string;
	enrolment_id: string;
	issued_at: Timestamp;
	expires_at: Timestamp | null;
	revoked_at: Timestamp | null;
	revoked_reason: string | null;
}

/** One row: the secret that signs attendance check-in codes, made on first use. */
export interface CourseCheckInSecretsTable {
	id: Generated<boolean>;
	secret: Buffer;
	created_at: CreatedAt;
}

export type CourseRow = Selectable<CoursesTable>;
export type CohortRow = Selectable<CohortsTable>;
export type EnrolmentRow = Selectable<EnrolmentsTable>;

/** One row per enrolment that answered the survey: only "has answered", never what (20261207T0300). */
export interface CourseSurveyReceiptsTable {
	enrolment_id: string;
}

/** An anonymous answer: the cohort, the ratings and the comment, no user and no enrolment. */
export interface CourseSurveyAnswersTable {
	id: Generated<string>;
	cohort_id: string;
	content: number;
	instructor: number;
	materials: number;
	usefulness: number;
	comment: Generated<string>;
	answered_on: ColumnType<Date, never, never>;
}
