// Why recording refused something. Each error carries a generic portal code (so shared error paths
// still read it) and its own reason with a translated message (error-messages.ts).
import { DomainError, type ErrorCode } from '../../errors';

export type RecordingRefusal =
	'not_live' | 'already_recording' | 'not_recording' | 'not_allowed' | 'no_media_room' | 'not_ready';

export class RecordingError extends DomainError {
	constructor(
		readonly reason: RecordingRefusal,
		code: ErrorCode,
		status: number
	) {
		super(code, status);
	}
}

/** Only a live session records. */
export class RecordingNotLiveError extends RecordingError {
	constructor() {
		super('not_live', 'invalid_state', 409);
	}
}

export class AlreadyRecordingError extends RecordingError {
	constructor() {
		super('already_recording', 'conflict', 409);
	}
}

export class NotRecordingError extends RecordingError {
	constructor() {
		super('not_recording', 'conflict', 409);
	}
}

/** In the room but not a presenter or the moderator (or not on the startup's team, for managing). */
export class RecordingForbiddenError extends RecordingError {
	constructor() {
		super('not_allowed', 'forbidden', 403);
	}
}

/** The room's media runs on another node (or a backend without a tap). */
export class NoMediaRoomError extends RecordingError {
	constructor() {
		super('no_media_room', 'invalid_state', 409);
	}
}

/** Publishing a recording that has no processed file yet. */
export class RecordingNotReadyError extends RecordingError {
	constructor() {
		super('not_ready', 'invalid_state', 409);
	}
}
