// Input schemas of the second-factor forms.
import { z } from 'zod';
import { text } from '$lib/server/http/text';

/** Six digits; spaces people copy from their app ("123 456") are dropped. */
export const totpCode = text()
	.transform((v) => v.replace(/\s+/g, ''))
	.pipe(z.string().regex(/^\d{6}$/));
export const recoveryCode = text().trim().min(12).max(20);

export const totpCodeSchema = z.object({ code: totpCode, next: text().max(500).optional() });
export const recoveryCodeSchema = z.object({ recoveryCode, next: text().max(500).optional() });
export const enableTotpSchema = z.object({ key: text().trim().min(32).max(64), code: totpCode });
export const passkeyNameSchema = z.object({ name: text().trim().min(1).max(60) });

const base64 = text()
	.max(4096)
	.regex(/^[A-Za-z0-9+/_-]*={0,2}$/);
export const passkeyRegistrationSchema = z.object({
	name: text().trim().min(1).max(60),
	attestationObject: base64.min(1),
	clientDataJSON: base64.min(1)
});
export const passkeySignInSchema = z.object({
	credentialId: base64.min(1),
	authenticatorData: base64.min(1),
	clientDataJSON: base64.min(1),
	signature: base64.min(1),
	next: text().max(500).optional()
});
export const passkeyIdSchema = z.object({ id: base64.min(1) });
/** Settings of an organisation: a checkbox, sent as 'on' when ticked. */
export const orgTwoFactorRuleSchema = z.object({
	requireTwoFactor: z
		.literal('on')
		.optional()
		.transform((v) => v === 'on')
});
