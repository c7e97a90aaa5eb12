import { baseLocale, extractLocaleFromHeader, toLocale, type Locale } from '$lib/paraglide/runtime';

/** The account's setting, else this browser's explicit choice (cookie), else Accept-Language, else Korean. */
export function resolveRequestLocale(
	request: Request,
	cookieLocale: string | undefined,
	userLocale: string | null | undefined
): Locale {
	return toLocale(userLocale ?? '') ?? toLocale(cookieLocale ?? '') ?? extractLocaleFromHeader(request) ?? baseLocale;
}
