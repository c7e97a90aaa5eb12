// The translated messages of the consulting error codes (spread into http/errors.ts).
import * as m from '$lib/paraglide/messages';

export const consultingErrorMessages = {
	consult_not_selected: (_p, o) => m.consult_error_not_selected({}, o),
	consult_programme_ended: (_p, o) => m.consult_error_programme_ended({}, o),
	consult_slot_after_end: (_p, o) => m.consult_error_slot_after_end({}, o),
	consult_unknown_user: (p, o) => m.consult_error_unknown_user({ email: String(p.email ?? '') }, o),
	consult_own_member: (_p, o) => m.consult_error_own_member({}, o)
} satisfies Record<string, (p: Record<string, string | number>, o?: { locale: 'ko' | 'en' }) => string>;
