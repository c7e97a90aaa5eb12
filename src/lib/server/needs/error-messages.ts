// The translated messages of the needs' error codes (spread into http/errors.ts).
import * as m from '$lib/paraglide/messages';

export const needsErrorMessages = {
	needs_not_hospital_staff: (_p, o) => m.needs_error_not_hospital_staff({}, o),
	needs_not_hospital_side: (_p, o) => m.needs_error_not_hospital_side({}, o),
	needs_not_company_member: (_p, o) => m.needs_error_not_company_member({}, o),
	needs_closed: (_p, o) => m.needs_error_closed({}, o),
	needs_edge_response_decided: (_p, o) => m.needs_edge_error_response_decided({}, o),
	needs_response_exists: (_p, o) => m.needs_error_response_exists({}, o),
	needs_reviewer_not_staff: (_p, o) => m.needs_error_reviewer_not_staff({}, o)
} satisfies Record<string, (p: Record<string, string | number>, o?: { locale: 'ko' | 'en' }) => string>;
