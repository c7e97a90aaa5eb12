// A language picked with the switch during this visit wins over the account's setting when the person
// signs in (issue 21); the page then offers to keep it for the account or go back.
import type { Cookies } from '@sveltejs/kit';
import { z } from 'zod';
import type { Executor } from '../db';
import { updateUser } from './repository';

const locale = z.enum(['ko', 'en']);
type Locale = z.infer<typeof locale>;

/** Lives as long as the browser session: "this visit". */
const CHOICE_COOKIE = 'medcluster_locale_choice';
/** The account's language before sign-in changed it, while the offer to go back is shown. */
const SWITCHED_COOKIE = 'medcluster_locale_switched';

export function rememberVisitChoice(cookies: Cookies, chosen: Locale, secure: boolean) {
	cookies.set(CHOICE_COOKIE, chosen, { path: '/', httpOnly: true, sameSite: 'lax', secure });
	// Choosing again answers the offer.
	cookies.delete(SWITCHED_COOKIE, { path: '/' });
}

/** Called by the sign-in action once the session exists. */
export async function applyVisitChoice(
	db: Executor,
	cookies: Cookies,
	user: { id: string; locale: Locale },
	secure: boolean
) {
	const chosen = locale.safeParse(cookies.get(CHOICE_COOKIE));
	if (!chosen.success || chosen.data === user.locale) return;
	await updateUser(db, user.id, { locale: chosen.data });
	cookies.set(SWITCHED_COOKIE, user.locale, { path: '/', httpOnly: true, sameSite: 'lax', secure, maxAge: 60 * 60 });
}

/** The account's earlier language, while the page should offer to go back to it. */
export function switchedFrom(cookies: Cookies): Locale | null {
	const previous = locale.safeParse(cookies.get(SWITCHED_COOKIE));
	return previous.success ? previous.data : null;
}
