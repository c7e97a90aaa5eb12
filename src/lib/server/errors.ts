// The base of every domain error: a stable code (mapped to a translated message) and an HTTP status.
export type ErrorCode =
	| 'validation_failed'
	| 'unauthenticated'
	| 'forbidden'
	| 'not_found'
	| 'conflict'
	| 'rate_limited'
	| 'invalid_credentials'
	| 'account_disabled'
	| 'email_taken'
	| 'email_not_verified'
	| 'token_invalid'
	| 'token_expired'
	| 'wrong_password'
	| 'org_not_verified'
	| 'slug_taken'
	| 'already_member'
	| 'join_request_pending'
	| 'last_owner'
	| 'invitation_email_mismatch'
	| 'not_org_admin'
	| 'operator_only'
	| 'invalid_state'
	| 'database_unavailable'
	// testbed
	| 'booking_conflict'
	| 'credential_required'
	| 'quota_exceeded'
	| 'booking_invalid_time'
	| 'booking_outside_hours'
	| 'booking_in_blackout'
	| 'booking_too_short'
	| 'booking_too_long'
	| 'booking_too_soon'
	| 'booking_too_far'
	| 'cancel_cutoff_passed'
	| 'check_in_closed'
	| 'not_facility_manager'
	// directory profile
	| 'logo_too_large'
	| 'logo_not_image'
	| 'logo_dimensions'
	| 'product_mfds_incomplete'
	// courses
	| 'cohort_full'
	| 'enrolment_closed'
	| 'already_enrolled'
	| 'prerequisite_missing'
	| 'offer_expired'
	| 'not_course_manager'
	| 'check_in_token_invalid'
	| 'meeting_not_in_progress'
	| 'not_enrolled'
	| 'cohort_edit_capacity_below_seats'
	| 'cohort_edit_cancelled'
	| 'cohort_edit_meeting_invalid'
	| 'course_edit_self_prerequisite'
	| 'course_edit_prerequisite_cycle'
	// needs
	| 'needs_not_hospital_staff'
	| 'needs_not_hospital_side'
	| 'needs_not_company_member'
	| 'needs_closed'
	| 'needs_response_exists'
	| 'needs_reviewer_not_staff'
	| 'needs_edge_response_decided'
	// testing services
	| 'tsvc_not_company_member'
	| 'tsvc_not_requesting_admin'
	| 'tsvc_wrong_status'
	| 'tsvc_report_not_pdf'
	| 'tsvc_not_allowed_to_cancel'
	| 'tsvc_not_requesting_member'
	// meetings
	| 'meetings_not_recipient'
	| 'meetings_not_requester'
	| 'meetings_closed'
	| 'meetings_context_closed'
	// uploads
	| 'upload_not_pdf'
	| 'upload_too_large'
	| 'upload_too_many'
	| 'upload_empty'
	| 'upload_none'
	// second factors
	| 'security_code_invalid'
	| 'security_totp_already_enabled'
	| 'security_totp_not_enabled'
	| 'security_passkey_invalid'
	| 'security_second_factor_required'
	| 'auth2_org_second_factor_required'
	// IR sessions
	| 'ir_not_startup_admin'
	| 'ir_invalid_moderator'
	| 'ir_invalid_presenter'
	| 'ir_start_in_past'
	| 'ir_not_investor'
	| 'ir_not_member'
	| 'ir_nda_version'
	| 'ir_session_closed'
	| 'ir_meeting_not_allowed'
	| 'ir_meeting_exists'
	| 'deck_download_off'
	// support vouchers
	| 'vouchers_insufficient_balance'
	| 'vouchers_expired'
	| 'vouchers_none'
	| 'vouchers_nothing_to_pay'
	// privacy
	| 'privacy_notice_version_taken'
	| 'privacy_consent_required'
	// programmes
	| 'programmes_not_manager'
	| 'programmes_not_company_admin'
	| 'programmes_call_closed'
	| 'programmes_not_eligible'
	| 'programmes_already_applied'
	| 'programmes_answers_incomplete'
	| 'programmes_places_full'
	| 'programmes_conflicts_undeclared'
	| 'programmes_review_incomplete'
	// consulting
	| 'consult_not_selected'
	| 'consult_programme_ended'
	| 'consult_slot_after_end'
	| 'consult_unknown_user'
	| 'consult_own_member'
	// organisation relations
	| 'relation_exists'
	| 'relation_not_other_side'
	| 'relation_not_declarer'
	| 'relation_not_open'
	| 'relation_org_unknown'
	| 'programmes_call_edit_refused'
	// resource photos
	| 'resource_photo_too_large'
	| 'resource_photo_not_image'
	| 'resource_photo_dimensions'
	| 'resource_photo_too_many'
	// availability alerts
	| 'avail_slot_held'
	| 'avail_alert_range'
	// investor theses and matchmaking
	| 'match_not_investor'
	| 'match_picks_closed'
	| 'match_not_participant'
	| 'match_day_scheduled'
	// course authoring and the survey
	| 'cauth_has_cohorts'
	| 'cauth_state_invalid'
	| 'survey_not_completed'
	| 'survey_already_answered';

export class DomainError extends Error {
	/** A page in the portal that helps (e.g. the next course that grants a missing credential). */
	link?: string;

	constructor(
		readonly code: ErrorCode,
		readonly status: number,
		readonly params: Record<string, string | number> = {}
	) {
		super(code);
		this.name = new.target.name;
	}
}

export class NotFoundError extends DomainError {
	constructor() {
		super('not_found', 404);
	}
}

export class ForbiddenError extends DomainError {
	constructor(code: ErrorCode = 'forbidden') {
		super(code, 403);
	}
}

export class RateLimitedError extends DomainError {
	constructor(readonly retryAfterSeconds: number) {
		super('rate_limited', 429, { seconds: retryAfterSeconds });
	}
}

export class InvalidStateError extends DomainError {
	constructor() {
		super('invalid_state', 409);
	}
}
