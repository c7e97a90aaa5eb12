// The translated messages of the needs' error codes (spread into http/errors.ts).
import * as m from '$lib/paraglide/messages';

export const needsErrorMessages = {
	needs_not_hospital_staff: () => m.needs_error_not_hospital_staff(),
	needs_not_hospital_side: () => m.needs_error_not_hospital_side(),
	needs_not_company_member: () => m.needs_error_not_company_member(),
	needs_closed: () => m.needs_error_closed(),
	needs_response_exists: () => m.needs_error_response_exists(),
	needs_reviewer_not_staff: () => m.needs_error_reviewer_not_staff()
} satisfies Record<string, (p: Record<string, string | number>) => string>;
