// The translated messages of the availability alert error codes (spread into http/errors.ts).
import * as m from '$lib/paraglide/messages';

export const availabilityErrorMessages = {
	avail_slot_held: (_p, o) => m.avail_error_slot_held({}, o),
	avail_alert_range: (_p, o) => m.avail_error_alert_range({}, o)
} satisfies Record<string, (p: Record<string, string | number>, o?: { locale: 'ko' | 'en' }) => string>;
