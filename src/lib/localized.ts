// Bilingual text: every Korean/English pair in the portal is shown through these two functions, so an
// empty English column falls back to Korean (the base language) and an empty Korean one to English.
import { getLocale } from '$lib/paraglide/runtime';

type Text = string | null | undefined;

/** The text of a ko/en pair in `locale`, falling back to the other language; '' when both are empty. */
export const textIn = (locale: string, ko: Text, en: Text): string => (locale === 'en' ? en || ko : ko || en) ?? '';

/** The text of a ko/en pair in the language of the current request or page. */
export const pick = (ko: Text, en: Text): string => textIn(getLocale(), ko, en);
