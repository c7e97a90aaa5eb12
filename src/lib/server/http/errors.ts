// Maps domain errors to what a person reads: a translated message with the right status.
import { error as kitError, fail, json, type ActionFailure } from '@sveltejs/kit';
import * as m from '$lib/paraglide/messages';
import { DomainError, RateLimitedError, type ErrorCode } from '../errors';
import { needsErrorMessages } from '../needs/error-messages';
import { meetingsErrorMessages } from '../meetings/error-messages';

const messages: Record<ErrorCode, (p: Record<string, string | number>) => string> = {
	validation_failed: () => m.error_validation_failed(),
	unauthenticated: () => m.error_unauthenticated(),
	forbidden: () => m.error_forbidden(),
	not_found: () => m.error_not_found(),
	conflict: () => m.error_conflict(),
	rate_limited: (p) => m.error_rate_limited({ seconds: String(p.seconds ?? 60) }),
	invalid_credentials: () => m.error_invalid_credentials(),
	account_disabled: () => m.error_account_disabled(),
	email_taken: () => m.error_email_taken(),
	email_not_verified: () => m.error_email_not_verified(),
	token_invalid: () => m.error_token_invalid(),
	token_expired: () => m.error_token_expired(),
	wrong_password: () => m.error_wrong_password(),
	org_not_verified: () => m.error_org_not_verified(),
	slug_taken: () => m.error_slug_taken(),
	already_member: () => m.error_already_member(),
	join_request_pending: () => m.error_join_request_pending(),
	last_owner: () => m.error_last_owner(),
	invitation_email_mismatch: () => m.error_invitation_email_mismatch(),
	not_org_admin: () => m.error_not_org_admin(),
	operator_only: () => m.error_operator_only(),
	invalid_state: () => m.error_invalid_state(),
	// testbed
	booking_conflict: () => m.testbed_error_booking_conflict(),
	credential_required: (p) => m.testbed_error_credential_required({ credential: String(p.credential ?? ''), credential_en: String(p.credential_en ?? '') }),
	quota_exceeded: (p) => (p.period === 'month' ? m.testbed_error_quota_month : m.testbed_error_quota_week)({ hours: String(p.hours ?? '') }),
	booking_invalid_time: (p) => m.testbed_error_booking_invalid_time({ minutes: String(p.minutes ?? '') }),
	booking_outside_hours: () => m.testbed_error_booking_outside_hours(),
	booking_in_blackout: () => m.testbed_error_booking_in_blackout(),
	booking_too_short: (p) => m.testbed_error_booking_too_short({ minutes: String(p.minutes ?? '') }),
	booking_too_long: (p) => m.testbed_error_booking_too_long({ minutes: String(p.minutes ?? '') }),
	booking_too_soon: () => m.testbed_error_booking_too_soon(),
	booking_too_far: () => m.testbed_error_booking_too_far(),
	cancel_cutoff_passed: () => m.testbed_error_cancel_cutoff_passed(),
	check_in_closed: () => m.testbed_error_check_in_closed(),
	not_facility_manager: () => m.testbed_error_not_facility_manager(),
	// directory profile
	logo_too_large: (p) => m.profile_error_logo_too_large({ mb: String(p.mb ?? 2) }),
	logo_not_image: () => m.profile_error_logo_not_image(),
	logo_dimensions: (p) => m.profile_error_logo_dimensions({ max: String(p.max ?? 8000) }),
	product_mfds_incomplete: () => m.product_error_mfds_incomplete(),
	// courses
	cohort_full: () => m.courses_error_cohort_full(),
	enrolment_closed: () => m.courses_error_enrolment_closed(),
	already_enrolled: () => m.courses_error_already_enrolled(),
	prerequisite_missing: (p) => m.courses_error_prerequisite_missing({ courses: String(p.courses ?? ''), courses_en: String(p.courses_en ?? '') }),
	offer_expired: () => m.courses_error_offer_expired(),
	not_course_manager: () => m.courses_error_not_course_manager(),
	check_in_token_invalid: () => m.courses_error_check_in_token_invalid(), meeting_not_in_progress: () => m.courses_error_meeting_not_in_progress(), not_enrolled: () => m.courses_error_not_enrolled(),
	// needs
	...needsErrorMessages,
	...meetingsErrorMessages
};

export function messageForError(error: DomainError): string {
	return messages[error.code](error.params);
}

/** In a form action: a domain error becomes `fail(status, { message })`; anything else is rethrown. */
export function failFromError<T extends Record<string, unknown> = Record<never, never>>(
	error: unknown,
	extra?: T
): ActionFailure<T & { message: string; code: ErrorCode; link?: string }> {
	if (error instanceof DomainError) {
		return fail(error.status, { ...(extra as T), message: messageForError(error), code: error.code, link: error.link });
	}
	throw error;
}

/** In a load: a domain error becomes SvelteKit's `error(status, message)`. */
export function throwLoadError(error: unknown): never {
	if (error instanceof DomainError) kitError(error.status, messageForError(error));
	throw error;
}

export function problem(status: number, code: string, message: string, headers: Record<string, string> = {}, link?: string) {
	return json({ error: { code, message, ...(link ? { link } : {}) } }, { status, headers });
}

export function problemFromError(error: unknown): Response {
	if (error instanceof DomainError) {
		const headers: Record<string, string> = error instanceof RateLimitedError ? { 'retry-after': String(error.retryAfterSeconds) } : {};
		return problem(error.status, error.code, messageForError(error), headers, error.link);
	}
	throw error;
}
