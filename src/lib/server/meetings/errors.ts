// Why a meeting request refused a change; the codes map to translated messages.
import { DomainError } from '../errors';

/** Accepting or declining is for members of the organisation the request is addressed to. */
export class NotMeetingRecipientError extends DomainError {
	constructor() {
		super('meetings_not_recipient', 403);
	}
}

/** Cancelling is for members of the organisation that asked. */
export class NotMeetingRequesterError extends DomainError {
	constructor() {
		super('meetings_not_requester', 403);
	}
}

/** The request was already answered, cancelled or expired. */
export class MeetingClosedError extends DomainError {
	constructor() {
		super('meetings_closed', 409);
	}
}

/** A meeting is proposed only on an accepted need response. */
export class MeetingContextClosedError extends DomainError {
	constructor() {
		super('meetings_context_closed', 409);
	}
}
