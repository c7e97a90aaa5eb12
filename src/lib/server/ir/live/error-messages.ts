// The translated messages of the live room's refusals; anything else falls back to the portal's map.
import * as m from '$lib/paraglide/messages';
import { DomainError } from '../../errors';
import { messageForError } from '../../app/errors';
import { LiveRoomError, type LiveRefusal } from './errors';

type Locale = 'ko' | 'en';
type Message = (params: Record<string, string | number>, options?: { locale: Locale }) => string;

const messages: Record<LiveRefusal, Message> = {
	not_registered: (_p, o) => m.ir_live_error_not_registered({}, o),
	nda_outdated: (_p, o) => m.ir_live_error_nda_outdated({}, o),
	not_investor: (_p, o) => m.ir_live_error_not_investor({}, o),
	removed: (_p, o) => m.ir_live_error_removed({}, o),
	session_ended: (_p, o) => m.ir_live_error_session_ended({}, o),
	session_cancelled: (_p, o) => m.ir_live_error_session_cancelled({}, o),
	not_in_room: (_p, o) => m.ir_live_error_not_in_room({}, o),
	grant_missing: (_p, o) => m.ir_live_error_grant_missing({}, o),
	chat_throttled: (p, o) => m.ir_live_error_chat_throttled({ seconds: String(p.seconds ?? 10) }, o),
	question_throttled: (p, o) => m.ir_live_error_question_throttled({ seconds: String(p.seconds ?? 60) }, o),
	question_closed: (_p, o) => m.ir_live_error_question_closed({}, o),
	already_voted: (_p, o) => m.ir_live_error_already_voted({}, o),
	not_a_viewer: (_p, o) => m.ir_live_error_not_a_viewer({}, o),
	cannot_remove_staff: (_p, o) => m.ir_live_error_cannot_remove_staff({}, o),
	participant_gone: (_p, o) => m.ir_live_error_participant_gone({}, o),
	invalid_transition: (_p, o) => m.ir_live_error_invalid_transition({}, o),
	poll_open: (_p, o) => m.ir_live_error_poll_open({}, o),
	poll_closed: (_p, o) => m.ir_live_error_poll_closed({}, o),
	already_answered: (_p, o) => m.ir_live_error_already_answered({}, o)
};

/** The message of a domain error in `locale` (or the request's language when omitted). */
export function liveErrorMessage(error: DomainError, locale?: Locale): string {
	if (error instanceof LiveRoomError) return messages[error.reason](error.params, locale ? { locale } : undefined);
	return messageForError(error, locale);
}

/** A socket acknowledgement's failure, with the code the client may branch on (the reason, when known). */
export function liveRefusal(error: DomainError, locale: Locale) {
	const code = error instanceof LiveRoomError ? error.reason : error.code;
	return { ok: false as const, error: { code, message: liveErrorMessage(error, locale) } };
}
