// Input schemas of the privacy forms.
import { z } from 'zod';
import * as m from '$lib/paraglide/messages';
import { text } from '$lib/server/http/text';

const checkbox = z
	.literal('on')
	.optional()
	.transform((v) => v === 'on');

export const optionalConsentsSchema = z.object({ consent_marketing: checkbox, consent_listing: checkbox });

export const reconsentSchema = optionalConsentsSchema.extend({
	consent_required: z.literal('on', { error: () => m.privacy_signup_required_missing() }),
	next: text().max(500).optional()
});

export const deleteAccountSchema = z.object({
	password: text().min(1).max(200),
	confirm: z.literal('on', { error: () => m.privacy_delete_confirm_missing() })
});

export const noticeVersionSchema = z.object({
	version: text()
		.trim()
		.regex(/^[A-Za-z0-9._-]{1,40}$/, { error: () => m.privacy_admin_version_invalid() })
});

export const toChoices = (form: { consent_marketing: boolean; consent_listing: boolean }) => ({
	marketing_email: form.consent_marketing,
	profile_listing: form.consent_listing
});
