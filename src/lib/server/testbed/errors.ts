// Why a booking was refused or a transition not allowed; the codes map to translated messages.
import { DomainError, type ErrorCode } from '../errors';

export class BookingConflictError extends DomainError {
	constructor() {
		super('booking_conflict', 409);
	}
}

export class CredentialRequiredError extends DomainError {
	constructor(credential: { name_ko: string; name_en: string }) {
		super('credential_required', 403, { credential: credential.name_ko, credential_en: credential.name_en });
	}
}

export class QuotaExceededError extends DomainError {
	constructor(period: 'week' | 'month', hours: number) {
		super('quota_exceeded', 403, { period, hours });
	}
}

export type BookingRuleCode = Extract<
	ErrorCode,
	| 'booking_invalid_time'
	| 'booking_outside_hours'
	| 'booking_in_blackout'
	| 'booking_too_short'
	| 'booking_too_long'
	| 'booking_too_soon'
	| 'booking_too_far'
>;

/** A requested time the resource's rules refuse: 422, like any other invalid input. */
export class BookingRuleError extends DomainError {
	constructor(code: BookingRuleCode, params: Record<string, string | number> = {}) {
		super(code, 422, params);
	}
}

export class CancelCutoffPassedError extends DomainError {
	constructor() {
		super('cancel_cutoff_passed', 409);
	}
}

export class CheckInClosedError extends DomainError {
	constructor() {
		super('check_in_closed', 409);
	}
}

export class NotFacilityManagerError extends DomainError {
	constructor() {
		super('not_facility_manager', 403);
	}
}
