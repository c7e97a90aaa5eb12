// Why a testing-service request refused a change; the codes map to translated messages.
import { DomainError } from '../errors';

/** Requesting a test is for members of a verified company. */
export class NotCompanyMemberError extends DomainError {
	constructor() {
		super('tsvc_not_company_member', 403);
	}
}

/** Only an admin of the requesting organisation approves or declines a quote. */
export class NotRequestingAdminError extends DomainError {
	constructor() {
		super('tsvc_not_requesting_admin', 403);
	}
}

/** The request is not in a state that allows this step (e.g. approving twice). */
export class WrongStatusError extends DomainError {
	constructor(status: string) {
		super('tsvc_wrong_status', 409, { status });
	}
}

/** A report must be a PDF the manager uploaded. */
export class ReportNotPdfError extends DomainError {
	constructor() {
		super('tsvc_report_not_pdf', 400);
	}
}

/** Only the requesting organisation's owner or admin, or the member who made the request, cancels it;
 *  the facility's manager only declines a request not yet quoted. */
export class NotAllowedToCancelError extends DomainError {
	constructor() {
		super('tsvc_not_allowed_to_cancel', 403);
	}
}

/** Attachments are added by the requesting organisation's members. */
export class NotRequestingMemberError extends DomainError {
	constructor() {
		super('tsvc_not_requesting_member', 403);
	}
}
