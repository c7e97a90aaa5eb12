// Maps domain errors to what a person reads: a translated message with the right status.
import { error as kitError, fail, json, type ActionFailure } from '@sveltejs/kit';
import * as m from '$lib/paraglide/messages';
import { DomainError, RateLimitedError, type ErrorCode } from '../errors';
import { needsErrorMessages } from '../needs/error-messages';
import { meetingsErrorMessages } from '../meetings/error-messages';
import { irErrorMessages } from '../ir/error-messages';
import { uploadErrorMessages } from '../uploads/error-messages';
import { voucherErrorMessages } from '../vouchers/error-messages';
import { courseEditErrorMessages } from '../courses/edit-error-messages';
import { courseAuthoringErrorMessages } from '../courses/authoring-error-messages';
import { securityErrorMessages } from '../auth/error-messages';
import { programmesErrorMessages } from '../programmes/error-messages';
import { consultingErrorMessages } from '../consulting/error-messages';
import { relationsErrorMessages } from '../relations/error-messages';
import { resourcePhotoErrorMessages } from '../testbed/photo-error-messages';

const messages: Record<ErrorCode, (p: Record<string, string | number>, o?: { locale: 'ko' | 'en' }) => string> = {
	validation_failed: (_p, o) => m.error_validation_failed({}, o),
	unauthenticated: (_p, o) => m.error_unauthenticated({}, o),
	forbidden: (_p, o) => m.error_forbidden({}, o),
	not_found: (_p, o) => m.error_not_found({}, o),
	conflict: (_p, o) => m.error_conflict({}, o),
	rate_limited: (p, o) => m.error_rate_limited({ seconds: String(p.seconds ?? 60) }, o),
	invalid_credentials: (_p, o) => m.error_invalid_credentials({}, o),
	account_disabled: (_p, o) => m.error_account_disabled({}, o),
	email_taken: (_p, o) => m.error_email_taken({}, o),
	email_not_verified: (_p, o) => m.error_email_not_verified({}, o),
	token_invalid: (_p, o) => m.error_token_invalid({}, o),
	token_expired: (_p, o) => m.error_token_expired({}, o),
	wrong_password: (_p, o) => m.error_wrong_password({}, o),
	org_not_verified: (_p, o) => m.error_org_not_verified({}, o),
	slug_taken: (_p, o) => m.error_slug_taken({}, o),
	already_member: (_p, o) => m.error_already_member({}, o),
	join_request_pending: (_p, o) => m.error_join_request_pending({}, o),
	last_owner: (_p, o) => m.error_last_owner({}, o),
	invitation_email_mismatch: (_p, o) => m.error_invitation_email_mismatch({}, o),
	not_org_admin: (_p, o) => m.error_not_org_admin({}, o),
	operator_only: (_p, o) => m.error_operator_only({}, o),
	invalid_state: (_p, o) => m.error_invalid_state({}, o),
	database_unavailable: (_p, o) => m.error_database_unavailable({}, o),
	// testbed
	booking_conflict: (_p, o) => m.testbed_error_booking_conflict({}, o),
	credential_required: (p, o) =>
		m.testbed_error_credential_required(
			{ credential: String(p.credential ?? ''), credential_en: String(p.credential_en ?? '') },
			o
		),
	quota_exceeded: (p, o) =>
		(p.period === 'month' ? m.testbed_error_quota_month : m.testbed_error_quota_week)(
			{ hours: String(p.hours ?? '') },
			o
		),
	booking_invalid_time: (p, o) => m.testbed_error_booking_invalid_time({ minutes: String(p.minutes ?? '') }, o),
	booking_outside_hours: (_p, o) => m.testbed_error_booking_outside_hours({}, o),
	booking_in_blackout: (_p, o) => m.testbed_error_booking_in_blackout({}, o),
	booking_too_short: (p, o) => m.testbed_error_booking_too_short({ minutes: String(p.minutes ?? '') }, o),
	booking_too_long: (p, o) => m.testbed_error_booking_too_long({ minutes: String(p.minutes ?? '') }, o),
	booking_too_soon: (_p, o) => m.testbed_error_booking_too_soon({}, o),
	booking_too_far: (_p, o) => m.testbed_error_booking_too_far({}, o),
	cancel_cutoff_passed: (_p, o) => m.testbed_error_cancel_cutoff_passed({}, o),
	check_in_closed: (_p, o) => m.testbed_error_check_in_closed({}, o),
	not_facility_manager: (_p, o) => m.testbed_error_not_facility_manager({}, o),
	// directory profile
	logo_too_large: (p, o) => m.profile_error_logo_too_large({ mb: String(p.mb ?? 2) }, o),
	logo_not_image: (_p, o) => m.profile_error_logo_not_image({}, o),
	logo_dimensions: (p, o) => m.profile_error_logo_dimensions({ max: String(p.max ?? 8000) }, o),
	product_mfds_incomplete: (_p, o) => m.product_error_mfds_incomplete({}, o),
	// courses
	cohort_full: (_p, o) => m.courses_error_cohort_full({}, o),
	enrolment_closed: (_p, o) => m.courses_error_enrolment_closed({}, o),
	already_enrolled: (_p, o) => m.courses_error_already_enrolled({}, o),
	prerequisite_missing: (p, o) =>
		m.courses_error_prerequisite_missing(
			{ courses: String(p.courses ?? ''), courses_en: String(p.courses_en ?? '') },
			o
		),
	offer_expired: (_p, o) => m.courses_error_offer_expired({}, o),
	not_course_manager: (_p, o) => m.courses_error_not_course_manager({}, o),
	check_in_token_invalid: (_p, o) => m.courses_error_check_in_token_invalid({}, o),
	meeting_not_in_progress: (_p, o) => m.courses_error_meeting_not_in_progress({}, o),
	not_enrolled: (_p, o) => m.courses_error_not_enrolled({}, o),
	...courseEditErrorMessages,
	...courseAuthoringErrorMessages,
	// needs
	...needsErrorMessages,
	...meetingsErrorMessages,
	...irErrorMessages,
	...uploadErrorMessages,
	...voucherErrorMessages,
	privacy_notice_version_taken: (_p, o) => m.privacy_error_notice_version_taken({}, o),
	privacy_consent_required: (_p, o) => m.privacy_error_consent_required({}, o),
	...securityErrorMessages,
	...programmesErrorMessages,
	...consultingErrorMessages,
	...relationsErrorMessages,
	...resourcePhotoErrorMessages
};

/** The message in the request's language, or in `locale` where there is no request (socket events). */
export function messageForError(error: DomainError, locale?: 'ko' | 'en'): string {
	return messages[error.code](error.params, locale ? { locale } : undefined);
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

export function problem(
	status: number,
	code: string,
	message: string,
	headers: Record<string, string> = {},
	link?: string
) {
	return json({ error: { code, message, ...(link ? { link } : {}) } }, { status, headers });
}

export function problemFromError(error: unknown): Response {
	if (error instanceof DomainError) {
		const headers: Record<string, string> =
			error instanceof RateLimitedError
				? { 'retry-after': String(error.retryAfterSeconds) }
				: error.status === 503
					? { 'retry-after': '5' }
					: {};
		return problem(error.status, error.code, messageForError(error), headers, error.link);
	}
	throw error;
}
