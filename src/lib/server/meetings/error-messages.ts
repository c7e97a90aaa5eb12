// The translated messages of the meetings' error codes (spread into http/errors.ts).
import * as m from '$lib/paraglide/messages';

export const meetingsErrorMessages = {
	meetings_not_recipient: (_p, o) => m.meetings_error_not_recipient({}, o),
	meetings_not_requester: (_p, o) => m.meetings_error_not_requester({}, o),
	meetings_closed: (_p, o) => m.meetings_error_closed({}, o),
	meetings_context_closed: (_p, o) => m.meetings_error_context_closed({}, o)
} satisfies Record<string, (p: Record<string, string | number>, o?: { locale: 'ko' | 'en' }) => string>;
