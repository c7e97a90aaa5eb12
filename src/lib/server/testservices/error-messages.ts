// The translated messages of the testing services' error codes (spread into http/errors.ts).
import * as m from '$lib/paraglide/messages';

export const testServicesErrorMessages = {
	tsvc_not_company_member: (_p, o) => m.tsvc_error_not_company_member({}, o),
	tsvc_not_requesting_admin: (_p, o) => m.tsvc_error_not_requesting_admin({}, o),
	tsvc_wrong_status: (_p, o) => m.tsvc_error_wrong_status({}, o),
	tsvc_report_not_pdf: (_p, o) => m.tsvc_error_report_not_pdf({}, o),
	tsvc_not_allowed_to_cancel: (_p, o) => m.tsvc_error_not_allowed_to_cancel({}, o),
	tsvc_not_requesting_member: (_p, o) => m.tsvc_error_not_requesting_member({}, o)
} satisfies Record<string, (p: Record<string, string | number>, o?: { locale: 'ko' | 'en' }) => string>;
