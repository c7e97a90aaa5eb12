// The translated messages of the IR sessions' error codes (spread into http/errors.ts).
import * as m from '$lib/paraglide/messages';

export const irErrorMessages = {
	ir_not_startup_admin: (_p, o) => m.ir_error_not_startup_admin({}, o),
	ir_invalid_moderator: (_p, o) => m.ir_error_invalid_moderator({}, o),
	ir_invalid_presenter: (_p, o) => m.ir_error_invalid_presenter({}, o),
	ir_start_in_past: (_p, o) => m.ir_error_start_in_past({}, o),
	ir_not_investor: (_p, o) => m.ir_error_not_investor({}, o),
	ir_not_member: (_p, o) => m.ir_error_not_member({}, o),
	ir_nda_version: (_p, o) => m.ir_error_nda_version({}, o),
	ir_session_closed: (_p, o) => m.ir_error_session_closed({}, o),
	ir_meeting_not_allowed: (_p, o) => m.ir_error_meeting_not_allowed({}, o),
	ir_meeting_exists: (_p, o) => m.ir_error_meeting_exists({}, o)
} satisfies Record<string, (p: Record<string, string | number>, o?: { locale: 'ko' | 'en' }) => string>;
