// Why an IR session refused a change; the codes map to translated messages (error-messages.ts).
import { DomainError } from '../errors';

/** Scheduling is for owners and admins of a verified company (and operators). */
export class NotStartupAdminError extends DomainError {
	constructor() {
		super('ir_not_startup_admin', 403);
	}
}

/** The moderator is an operator or an admin of the presenting startup. */
export class InvalidModeratorError extends DomainError {
	constructor() {
		super('ir_invalid_moderator', 422);
	}
}

/** Co-presenters are members of the presenting startup. */
export class InvalidPresenterError extends DomainError {
	constructor() {
		super('ir_invalid_presenter', 422);
	}
}

/** A session starts in the future. */
export class StartInPastError extends DomainError {
	constructor() {
		super('ir_start_in_past', 422);
	}
}

/** Investors-only sessions take members of verified investor organisations. */
export class NotInvestorError extends DomainError {
	constructor() {
		super('ir_not_investor', 403);
	}
}

/** Members-only sessions take members of verified organisations. */
export class NotVerifiedMemberError extends DomainError {
	constructor() {
		super('ir_not_member', 403);
	}
}

/** The NDA the registrant accepted is not the session's current one. */
export class NdaVersionError extends DomainError {
	constructor() {
		super('ir_nda_version', 422);
	}
}

/** Cancelled or ended sessions take no registrations, edits or cancellations. */
export class SessionClosedError extends DomainError {
	constructor() {
		super('ir_session_closed', 409);
	}
}

/** Follow-up meetings are requested by investors registered for the session. */
export class MeetingNotAllowedError extends DomainError {
	constructor() {
		super('ir_meeting_not_allowed', 403);
	}
}

/** One open meeting request per investor organisation and session. */
export class MeetingExistsError extends DomainError {
	constructor() {
		super('ir_meeting_exists', 409);
	}
}
