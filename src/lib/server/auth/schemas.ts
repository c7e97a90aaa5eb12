// Input schemas for the account forms and API, one per input.
import { z } from 'zod';
import * as m from '$lib/paraglide/messages';
import { text } from '$lib/server/http/text';
import { MIN_PASSWORD_LENGTH } from './password';
import { isValidTimeZone } from '$lib/time-zone';

export const email = text().trim().toLowerCase().pipe(z.email().max(254));
export const newPassword = text().min(MIN_PASSWORD_LENGTH).max(200);
export const locale = z.enum(['ko', 'en']);
export const timeZone = text().max(64).refine(isValidTimeZone);

export const signInSchema = z.object({ email, password: text().min(1).max(200), next: text().max(500).optional() });
export const resetRequestSchema = z.object({ email });
export const resetSchema = z.object({ password: newPassword });
export const profileSchema = z.object({ name: text().trim().min(1).max(80), locale, timeZone });
/** A checkbox: sent as 'on' when ticked, absent otherwise. */
const checkbox = z
	.literal('on')
	.optional()
	.transform((v) => v === 'on');

/** Sign-up: the required processing must be agreed to; the optional purposes are separate choices (PIPA). */
export const signUpSchema = z.object({
	name: text().trim().min(1).max(80),
	email,
	password: newPassword,
	locale,
	consent_required: z.literal('on', { error: () => m.privacy_signup_required_missing() }),
	consent_marketing: checkbox,
	consent_listing: checkbox
});

export const passwordChangeSchema = z.object({
	currentPassword: text().min(1).max(200),
	newPassword,
	revokeApiTokens: checkbox
});
export const signOutEverywhereSchema = z.object({ revokeApiTokens: checkbox });
export const apiTokenSchema = z.object({ name: text().trim().min(1).max(60) });
