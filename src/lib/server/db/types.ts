// Table types for Kysely. Each table: a `FooTable` interface and a `FooRow` for what a select returns.
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type * as directory from './directory-types';
import type * as courses from './courses-types';
import type * as needs from './needs-types';
import type * as meetings from './meetings-types';
import type * as ir from './ir-types';
import type * as irLive from './ir-live-types';
import type * as irDeck from './ir-deck-types';
import type * as irRecording from './ir-recording-types';
import type * as jobs from './jobs-types';
import type * as uploads from './uploads-types';
import type * as testServices from './test-services-types';
import type * as vouchers from './vouchers-types';
import type * as privacy from './privacy-types';
import type * as secondFactor from './second-factor-types';
import type * as programmes from './programmes-types';
import type * as resourcePhotos from './resource-photo-types';
import type * as availabilityAlerts from './availability-alert-types';
import type * as matchmaking from './matchmaking-types';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T> = ColumnType<T, string | T, string | T>;

export type Locale = 'ko' | 'en';
export type OrgKind = 'company' | 'hospital' | 'agency' | 'university' | 'investor';
export type OrgStatus = 'pending' | 'verified' | 'rejected';
export type MemberRole = 'owner' | 'admin' | 'member';

export interface UsersTable {
	id: Generated<string>;
	email: string;
	email_verified_at: Timestamp | null;
	password_hash: string;
	name: string;
	locale: Generated<Locale>;
	time_zone: Generated<string>;
	is_operator: Generated<boolean>;
	disabled_at: Timestamp | null;
	title: Generated<string>;
	expertise: Generated<string>;
	directory_listed: Generated<boolean>;
	deleted_at: Timestamp | null;
	totp_key: Uint8Array | null;
	totp_last_step: ColumnType<string | null, string | number | bigint | null, string | number | bigint | null>;
	totp_enabled_at: Timestamp | null;
	created_at: CreatedAt;
	updated_at: UpdatedAt;
}

export interface SessionsTable {
	id: string;
	secret_hash: Uint8Array;
	user_id: string;
	created_at: CreatedAt;
	expires_at: Timestamp;
	ip: string | null;
	user_agent: string | null;
	two_factor_verified: Generated<boolean>;
	last_used_at: Generated<Date>;
}

export interface ApiTokensTable {
	id: string;
	secret_hash: Uint8Array;
	user_id: string;
	name: string;
	created_at: CreatedAt;
	last_used_at: Timestamp | null;
	revoked_at: Timestamp | null;
}

export type OneTimeTokenPurpose = 'email_verification' | 'password_reset';

export interface OneTimeTokensTable {
	id: string;
	secret_hash: Uint8Array;
	user_id: string;
	purpose: OneTimeTokenPurpose;
	expires_at: Timestamp;
	used_at: Timestamp | null;
	created_at: CreatedAt;
}

export interface OrganizationsTable {
	id: Generated<string>;
	slug: string;
	kind: OrgKind;
	name_ko: string;
	name_en: string;
	summary_ko: Generated<string>;
	summary_en: Generated<string>;
	description_ko: Generated<string>;
	description_en: Generated<string>;
	region: Generated<string>;
	website: string | null;
	founded_year: number | null;
	status: Generated<OrgStatus>;
	status_reason: string | null;
	verified_at: Timestamp | null;
	address_ko: Generated<string>;
	address_en: Generated<string>;
	employee_range: directory.EmployeeRange | null;
	certifications: Generated<string[]>;
	looking_for_partners: Generated<boolean>;
	raising_investment: Generated<boolean>;
	logo_upload_id: string | null;
	search_words: Generated<string>;
	search_bigrams: Generated<string>;
	search_text: Generated<string>;
	require_two_factor: Generated<boolean>;
	created_by: string | null;
	created_at: CreatedAt;
	updated_at: UpdatedAt;
}

export interface MembershipsTable {
	org_id: string;
	user_id: string;
	role: MemberRole;
	created_at: CreatedAt;
}

export interface JoinRequestsTable {
	id: Generated<string>;
	org_id: string;
	user_id: string;
	message: Generated<string>;
	status: Generated<'pending' | 'accepted' | 'refused'>;
	decided_by: string | null;
	decided_at: Timestamp | null;
	created_at: CreatedAt;
}

export interface InvitationsTable {
	id: string;
	secret_hash: Uint8Array;
	org_id: string;
	email: string;
	role: 'admin' | 'member';
	invited_by: string | null;
	expires_at: Timestamp;
	accepted_at: Timestamp | null;
	revoked_at: Timestamp | null;
	created_at: CreatedAt;
}

export interface AuditLogTable {
	id: Generated<number>;
	actor_id: string | null;
	action: string;
	entity_type: string;
	entity_id: string;
	data: Json<Record<string, unknown>>;
	ip: string | null;
	created_at: CreatedAt;
}

export interface NotificationsTable {
	id: Generated<string>;
	user_id: string;
	kind: string;
	params: Json<Record<string, string>>;
	link: string | null;
	read_at: Timestamp | null;
	created_at: CreatedAt;
}

export interface EmailOutboxTable {
	id: Generated<string>;
	to_address: string;
	subject: string;
	body_text: string;
	status: Generated<'queued' | 'sending' | 'sent' | 'failed' | 'kept'>;
	attempts: Generated<number>;
	claimed_at: Timestamp | null;
	last_error: string | null;
	created_at: CreatedAt;
	sent_at: Timestamp | null;
}

export interface RateLimitsTable {
	key: string;
	window_start: Timestamp;
	hits: number;
}

export interface DB {
	// second factors (migrations/20261205T0100_second_factor.ts)
	recovery_codes: secondFactor.RecoveryCodesTable;
	passkeys: secondFactor.PasskeysTable;
	webauthn_challenges: secondFactor.WebauthnChallengesTable;
	known_devices: secondFactor.KnownDevicesTable;
	users: UsersTable;
	sessions: SessionsTable;
	api_tokens: ApiTokensTable;
	one_time_tokens: OneTimeTokensTable;
	organizations: OrganizationsTable;
	memberships: MembershipsTable;
	join_requests: JoinRequestsTable;
	invitations: InvitationsTable;
	audit_log: AuditLogTable;
	notifications: NotificationsTable;
	email_outbox: EmailOutboxTable;
	rate_limits: RateLimitsTable;
	// directory (migrations/20261123T0400_directory.ts)
	uploads: directory.UploadsTable;
	taxonomy_terms: directory.TaxonomyTermsTable;
	organization_terms: directory.OrganizationTermsTable;
	products: directory.ProductsTable;
	contact_messages: directory.ContactMessagesTable;
	// testbed (migrations/20261123T0300_testbed.ts)
	facilities: FacilitiesTable;
	facility_managers: FacilityManagersTable;
	credentials: CredentialsTable;
	user_credentials: UserCredentialsTable;
	resources: ResourcesTable;
	resource_hours: ResourceHoursTable;
	resource_blackouts: ResourceBlackoutsTable;
	bookings: BookingsTable;
	// courses (migrations/20261123T0600_courses.ts)
	courses: courses.CoursesTable;
	course_prerequisites: courses.CoursePrerequisitesTable;
	course_managers: courses.CourseManagersTable;
	cohorts: courses.CohortsTable;
	cohort_meetings: courses.CohortMeetingsTable;
	enrolments: courses.EnrolmentsTable;
	attendance: courses.AttendanceTable;
	certificates: courses.CertificatesTable;
	course_check_in_secrets: courses.CourseCheckInSecretsTable;
	// course authoring and the survey (migrations/20261207T0300_course_authoring.ts)
	course_survey_receipts: courses.CourseSurveyReceiptsTable;
	course_survey_answers: courses.CourseSurveyAnswersTable;
	// needs (migrations/20261123T0700_needs.ts)
	needs: needs.NeedsTable;
	need_terms: needs.NeedTermsTable;
	need_invitations: needs.NeedInvitationsTable;
	need_reviewers: needs.NeedReviewersTable;
	saved_needs: needs.SavedNeedsTable;
	need_responses: needs.NeedResponsesTable;
	need_response_notes: needs.NeedResponseNotesTable;
	need_response_messages: needs.NeedResponseMessagesTable;
	need_response_reads: needs.NeedResponseReadsTable;
	// meetings (migrations/20261123T0900_meetings.ts)
	meeting_requests: meetings.MeetingRequestsTable;
	meeting_request_slots: meetings.MeetingRequestSlotsTable;
	// IR sessions (migrations/20261123T1000_ir.ts)
	ir_events: ir.IrEventsTable;
	ir_event_presenters: ir.IrEventPresentersTable;
	ir_registrations: ir.IrRegistrationsTable;
	// live IR room (migrations/20261123T1010_ir_live.ts)
	ir_attendance: irLive.IrAttendanceTable;
	ir_chat_messages: irLive.IrChatMessagesTable;
	ir_questions: irLive.IrQuestionsTable;
	ir_question_votes: irLive.IrQuestionVotesTable;
	ir_polls: irLive.IrPollsTable;
	ir_poll_options: irLive.IrPollOptionsTable;
	ir_poll_answers: irLive.IrPollAnswersTable;
	ir_deck_renders: irDeck.IrDeckRendersTable;
	ir_deck_page_views: irDeck.IrDeckPageViewsTable;
	ir_deck_pages: irDeck.IrDeckPagesTable;
	ir_removals: irLive.IrRemovalsTable;
	// IR recordings (migrations/20261204T0610_ir_recordings.ts)
	ir_recordings: irRecording.IrRecordingsTable;
	ir_replay_views: irRecording.IrReplayViewsTable;
	// jobs, reminders, calendar feeds, notification settings, digest (migrations/20261123T1100_jobs.ts)
	jobs: jobs.JobsTable;
	reminders_sent: jobs.RemindersSentTable;
	calendar_feed_tokens: jobs.CalendarFeedTokensTable;
	notification_preferences: jobs.NotificationPreferencesTable;
	digest_sends: jobs.DigestSendsTable;
	// attachments (migrations/20261123T0950_uploads.ts)
	need_attachments: uploads.NeedAttachmentsTable;
	need_response_attachments: uploads.NeedResponseAttachmentsTable;
	// support vouchers (migrations/20261205T0400_vouchers.ts)
	vouchers: vouchers.VouchersTable;
	voucher_ledger: vouchers.VoucherLedgerTable;
	// privacy (migrations/20261205T0200_privacy.ts)
	privacy_notices: privacy.PrivacyNoticesTable;
	privacy_consents: privacy.PrivacyConsentsTable;
	privacy_retention_runs: privacy.PrivacyRetentionRunsTable;
	// programmes (migrations/20261205T0300_programmes.ts)
	organization_relations: programmes.OrganizationRelationsTable;
	programme_calls: programmes.ProgrammeCallsTable;
	programme_call_reviewers: programmes.ProgrammeCallReviewersTable;
	programme_applications: programmes.ProgrammeApplicationsTable;
	programme_application_files: programmes.ProgrammeApplicationFilesTable;
	programme_conflicts: programmes.ProgrammeConflictsTable;
	programme_reviews: programmes.ProgrammeReviewsTable;
	// consulting (migrations/20261206T0400_consulting.ts)
	programme_consultants: programmes.ProgrammeConsultantsTable;
	// resource photos (migrations/20261206T0300_resource_photos.ts)
	resource_photos: resourcePhotos.ResourcePhotosTable;
	// availability alerts (migrations/20261207T0200_availability_alerts.ts)
	availability_alerts: availabilityAlerts.AvailabilityAlertsTable;
	slot_holds: availabilityAlerts.SlotHoldsTable;
	// testing services (migrations/20261207T0100_test_services.ts)
	test_requests: testServices.TestRequestsTable;
	test_request_quote_lines: testServices.TestRequestQuoteLinesTable;
	test_request_attachments: testServices.TestRequestAttachmentsTable;
	test_request_messages: testServices.TestRequestMessagesTable;
	// investor theses and matchmaking days (migrations/20261207T0500_matchmaking.ts)
	investor_theses: matchmaking.InvestorThesesTable;
	investor_thesis_terms: matchmaking.InvestorThesisTermsTable;
	matchmaking_days: matchmaking.MatchmakingDaysTable;
	matchmaking_participants: matchmaking.MatchmakingParticipantsTable;
	matchmaking_picks: matchmaking.MatchmakingPicksTable;
	matchmaking_slots: matchmaking.MatchmakingSlotsTable;
}

export type UserRow = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;
export type SessionRow = Selectable<SessionsTable>;
export type OrganizationRow = Selectable<OrganizationsTable>;
export type NewOrganization = Insertable<OrganizationsTable>;
export type MembershipRow = Selectable<MembershipsTable>;
export type InvitationRow = Selectable<InvitationsTable>;
export type AuditLogRow = Selectable<AuditLogTable>;
export type NotificationRow = Selectable<NotificationsTable>;
export type EmailOutboxRow = Selectable<EmailOutboxTable>;

// ——— Testbed booking (migrations/20261123T0300_testbed.ts) ———
export type ResourceKind = 'equipment' | 'space' | 'device_loan' | 'service';
export type BookingStatus = 'pending' | 'confirmed' | 'rejected' | 'cancelled' | 'completed' | 'no_show' | 'expired';
/** A tstzrange as PostgreSQL prints it, e.g. `["2026-03-02 01:00:00+00","2026-03-02 03:00:00+00")`. */
type TstzRange = ColumnType<string, string, string>;

export interface FacilitiesTable {
	id: Generated<string>;
	slug: string;
	org_id: string;
	name_ko: string;
	name_en: string;
	location_ko: Generated<string>;
	location_en: Generated<string>;
	time_zone: Generated<string>;
	created_at: CreatedAt;
}

export interface FacilityManagersTable {
	facility_id: string;
	user_id: string;
	created_at: CreatedAt;
}

export interface CredentialsTable {
	id: Generated<string>;
	slug: string;
	name_ko: string;
	name_en: string;
	validity_months: number | null;
}

export interface UserCredentialsTable {
	user_id: string;
	credential_id: string;
	granted_at: ColumnType<Date, Date | string | undefined, Date | string>;
	expires_at: Timestamp | null;
	source: Generated<string>;
}

export interface ResourcesTable {
	id: Generated<string>;
	facility_id: string;
	slug: string;
	kind: ResourceKind;
	name_ko: string;
	name_en: string;
	description_ko: Generated<string>;
	description_en: Generated<string>;
	rules_ko: Generated<string>;
	rules_en: Generated<string>;
	location: Generated<string>;
	photo_url: string | null;
	slot_minutes: Generated<number>;
	min_minutes: Generated<number>;
	max_minutes: Generated<number>;
	min_notice_minutes: Generated<number>;
	max_horizon_days: Generated<number>;
	quota_week_hours: number | null;
	quota_month_hours: number | null;
	auto_confirm: Generated<boolean>;
	cancel_cutoff_minutes: Generated<number>;
	checkin_before_minutes: Generated<number>;
	checkin_after_minutes: Generated<number>;
	member_rate_krw: Generated<number>;
	nonmember_rate_krw: Generated<number>;
	required_credential_id: string | null;
	active: Generated<boolean>;
	created_at: CreatedAt;
}

export interface ResourceHoursTable {
	resource_id: string;
	weekday: number;
	/** Local wall-clock time, `HH:MM:SS`. */
	opens: string;
	closes: string;
}

export interface ResourceBlackoutsTable {
	id: Generated<string>;
	resource_id: string;
	during: TstzRange;
	reason_ko: Generated<string>;
	reason_en: Generated<string>;
}

export interface BookingsTable {
	id: Generated<string>;
	resource_id: string;
	org_id: string;
	user_id: string;
	during: TstzRange;
	status: BookingStatus;
	purpose: Generated<string>;
	decision_reason: string | null;
	usage_notes: string | null;
	series_id: string | null;
	sequence: Generated<number>;
	checked_in_at: Timestamp | null;
	ended_at: Timestamp | null;
	created_at: CreatedAt;
	updated_at: UpdatedAt;
}

export type FacilityRow = Selectable<FacilitiesTable>;
export type ResourceRow = Selectable<ResourcesTable>;
export type BookingRow = Selectable<BookingsTable>;
