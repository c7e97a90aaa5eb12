// The translated messages of recording's refusals; anything else falls back to the portal's map.
import * as m from '$lib/paraglide/messages';
import { DomainError } from '../../errors';
import { messageForError } from '../../app/errors';
import { RecordingError, type RecordingRefusal } from './errors';

const messages: Record<RecordingRefusal, () => string> = {
	not_live: () => m.ir_recording_error_not_live(),
	already_recording: () => m.ir_recording_error_already_recording(),
	not_recording: () => m.ir_recording_error_not_recording(),
	not_allowed: () => m.ir_recording_error_not_allowed(),
	no_media_room: () => m.ir_recording_error_no_media_room(),
	not_ready: () => m.ir_recording_error_not_ready()
};

export function recordingErrorMessage(error: DomainError): string {
	return error instanceof RecordingError ? messages[error.reason]() : messageForError(error);
}

/** The API's code: the refusal's own reason when known (`ir_recording_<reason>`). */
export const recordingErrorCode = (error: DomainError): string =>
	error instanceof RecordingError ? `ir_recording_${error.reason}` : error.code;
