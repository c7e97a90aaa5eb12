// The translated messages of the matchmaking error codes (spread into http/errors.ts).
import * as m from '$lib/paraglide/messages';

export const matchmakingErrorMessages = {
	match_not_investor: (_p, o) => m.match_error_not_investor({}, o),
	match_picks_closed: (_p, o) => m.match_error_picks_closed({}, o),
	match_not_participant: (_p, o) => m.match_error_not_participant({}, o),
	match_day_scheduled: (_p, o) => m.match_error_day_scheduled({}, o)
} satisfies Record<string, (p: Record<string, string | number>, o?: { locale: 'ko' | 'en' }) => string>;
