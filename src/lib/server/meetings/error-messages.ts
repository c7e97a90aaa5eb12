// The translated messages of the meetings' error codes (spread into http/errors.ts).
import * as m from '$lib/paraglide/messages';

export const meetingsErrorMessages = {
	meetings_not_recipient: () => m.meetings_error_not_recipient(),
	meetings_not_requester: () => m.meetings_error_not_requester(),
	meetings_closed: () => m.meetings_error_closed(),
	meetings_context_closed: () => m.meetings_error_context_closed()
} satisfies Record<string, (p: Record<string, string | number>) => string>;
