// Why a need or a response refused a change; the codes map to translated messages.
import { DomainError } from '../errors';

/** Posting needs is for members of a verified hospital. */
export class NotHospitalStaffError extends DomainError {
	constructor() {
		super('needs_not_hospital_staff', 403);
	}
}

/** Reviewing responses is for the need's author, its reviewers and the hospital's admins. */
export class NotHospitalSideError extends DomainError {
	constructor() {
		super('needs_not_hospital_side', 403);
	}
}

/** Responding is for members of a verified company that can see the need. */
export class NotCompanyMemberError extends DomainError {
	constructor() {
		super('needs_not_company_member', 403);
	}
}

/** A response's files change only until the hospital accepts or declines it. */
export class ResponseDecidedError extends DomainError {
	constructor() {
		super('needs_edge_response_decided', 409);
	}
}

export class NeedClosedError extends DomainError {
	constructor() {
		super('needs_closed', 409);
	}
}

export class ResponseExistsError extends DomainError {
	constructor() {
		super('needs_response_exists', 409);
	}
}

export class ReviewerNotStaffError extends DomainError {
	constructor() {
		super('needs_reviewer_not_staff', 422);
	}
}
