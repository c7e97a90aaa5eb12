// The translated messages of the deck room's error codes (spread into http/errors.ts).
import * as m from '$lib/paraglide/messages';

export const deckErrorMessages = {
	deck_download_off: (_p, o) => m.deck_error_download_off({}, o)
} satisfies Record<string, (p: Record<string, string | number>, o?: { locale: 'ko' | 'en' }) => string>;
