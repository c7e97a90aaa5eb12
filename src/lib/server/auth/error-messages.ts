// The translated messages of the second-factor error codes (spread into http/errors.ts).
import * as m from '$lib/paraglide/messages';

export const securityErrorMessages = {
	security_code_invalid: (_p, o) => m.security_error_code_invalid({}, o),
	security_totp_already_enabled: (_p, o) => m.security_error_totp_already_enabled({}, o),
	security_totp_not_enabled: (_p, o) => m.security_error_totp_not_enabled({}, o),
	security_passkey_invalid: (_p, o) => m.security_error_passkey_invalid({}, o),
	security_second_factor_required: (_p, o) => m.security_error_second_factor_required({}, o),
	auth2_org_second_factor_required: (_p, o) => m.auth2_error_org_second_factor_required({}, o)
} satisfies Record<string, (p: Record<string, string | number>, o?: { locale: 'ko' | 'en' }) => string>;
