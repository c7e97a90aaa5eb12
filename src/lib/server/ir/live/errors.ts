// Why the live room refused someone or something. Each error carries a generic portal code (so any
// shared error path still reads it) and a room-specific reason with its own translated message.
import { DomainError, type ErrorCode } from '../../errors';

export type LiveRefusal =
	| 'not_registered'
	| 'nda_outdated'
	| 'not_investor'
	| 'removed'
	| 'session_ended'
	| 'session_cancelled'
	| 'not_in_room'
	| 'grant_missing'
	| 'chat_throttled'
	| 'question_throttled'
	| 'question_closed'
	| 'already_voted'
	| 'not_a_viewer'
	| 'cannot_remove_staff'
	| 'participant_gone'
	| 'invalid_transition'
	| 'poll_open'
	| 'poll_closed'
	| 'already_answered';

export class LiveRoomError extends DomainError {
	constructor(
		readonly reason: LiveRefusal,
		code: ErrorCode,
		status: number,
		params: Record<string, string | number> = {}
	) {
		super(code, status, params);
	}
}

/** Not an attendee (or not any more): no registration, an outdated NDA, no investor membership, removed. */
export class LiveAccessDeniedError extends LiveRoomError {
	constructor(reason: 'not_registered' | 'nda_outdated' | 'not_investor' | 'removed') {
		super(reason, 'forbidden', 403);
	}
}

export class LiveSessionClosedError extends LiveRoomError {
	constructor(reason: 'session_ended' | 'session_cancelled') {
		super(reason, 'invalid_state', 409);
	}
}

/** The socket has not joined the room the event names. */
export class NotInRoomError extends LiveRoomError {
	constructor() {
		super('not_in_room', 'forbidden', 403);
	}
}

/** The participant's grants do not cover the event (a viewer moderating, say). */
export class GrantMissingError extends LiveRoomError {
	constructor() {
		super('grant_missing', 'forbidden', 403);
	}
}

export class ChatThrottledError extends LiveRoomError {
	constructor(readonly retryAfterSeconds: number) {
		super('chat_throttled', 'rate_limited', 429, { seconds: retryAfterSeconds });
	}
}

export class QuestionThrottledError extends LiveRoomError {
	constructor(readonly retryAfterSeconds: number) {
		super('question_throttled', 'rate_limited', 429, { seconds: retryAfterSeconds });
	}
}

/** A state change that does not apply now (answering a dismissed question, ending an ended session…). */
export class LiveInvalidStateError extends LiveRoomError {
	constructor(
		reason: 'question_closed' | 'not_a_viewer' | 'cannot_remove_staff' | 'participant_gone' | 'invalid_transition'
	) {
		super(reason, 'invalid_state', 409);
	}
}

export class AlreadyVotedError extends LiveRoomError {
	constructor() {
		super('already_voted', 'conflict', 409);
	}
}

/** A poll request that does not apply now: another poll is open, this one is closed, or already answered. */
export class LivePollError extends LiveRoomError {
	constructor(reason: 'poll_open' | 'poll_closed' | 'already_answered') {
		super(reason, reason === 'already_answered' ? 'conflict' : 'invalid_state', 409);
	}
}
