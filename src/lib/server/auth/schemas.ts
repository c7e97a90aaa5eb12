// Input schemas for the account forms and API, one per input.
import { z } from 'zod';
import { MIN_PASSWORD_LENGTH } from './password';
import { isValidTimeZone } from '$lib/time-zone';

export const email = z.string().trim().toLowerCase().pipe(z.email().max(254));
export const newPassword = z.string().min(MIN_PASSWORD_LENGTH).max(200);
export const locale = z.enum(['ko', 'en']);
export const timeZone = z.string().max(64).refine(isValidTimeZone);

export const signInSchema = z.object({ email, password: z.string().min(1).max(200), next: z.string().max(500).optional() });
export const signUpSchema = z.object({ name: z.string().trim().min(1).max(80), email, password: newPassword, locale });
export const resetRequestSchema = z.object({ email });
export const resetSchema = z.object({ password: newPassword });
export const profileSchema = z.object({ name: z.string().trim().min(1).max(80), locale, timeZone });
/** A checkbox: sent as 'on' when ticked, absent otherwise. */
const checkbox = z.literal('on').optional().transform((v) => v === 'on');

export const passwordChangeSchema = z.object({ currentPassword: z.string().min(1).max(200), newPassword, revokeApiTokens: checkbox });
export const signOutEverywhereSchema = z.object({ revokeApiTokens: checkbox });
export const apiTokenSchema = z.object({ name: z.string().trim().min(1).max(60) });

