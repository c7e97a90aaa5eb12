// Why a programme call, an application or a review refused a change; the codes map to translated messages.
import { DomainError } from '../errors';

/** Managing a call is for operators and staff of the agency that runs it. */
export class NotCallManagerError extends DomainError {
	constructor() {
		super('programmes_not_manager', 403);
	}
}

/** Applying is for owners and admins of the applying company. */
export class NotCompanyAdminError extends DomainError {
	constructor() {
		super('programmes_not_company_admin', 403);
	}
}

/** Outside the call's opening hours, by the database's clock. */
export class CallClosedError extends DomainError {
	constructor() {
		super('programmes_call_closed', 422);
	}
}

/** One named eligibility rule the organisation does not meet. */
export class NotEligibleError extends DomainError {
	constructor(readonly rule: string) {
		super('programmes_not_eligible', 422, { rule });
	}
}

export class AlreadyAppliedError extends DomainError {
	constructor() {
		super('programmes_already_applied', 409);
	}
}

/** A required question of the form has no answer. */
export class AnswersIncompleteError extends DomainError {
	constructor(question: string) {
		super('programmes_answers_incomplete', 422, { question });
	}
}

export class PlacesFullError extends DomainError {
	constructor() {
		super('programmes_places_full', 409);
	}
}

/** A reviewer declares conflicts of interest before seeing any application. */
export class ConflictsUndeclaredError extends DomainError {
	constructor() {
		super('programmes_conflicts_undeclared', 409);
	}
}

/** A review is submitted with a score for every criterion. */
export class ReviewIncompleteError extends DomainError {
	constructor() {
		super('programmes_review_incomplete', 422);
	}
}

/** An edit the call's phase does not allow (call-edit-rules.ts): names the rule and the field. */
export class CallEditRefusedError extends DomainError {
	constructor(refusal: { rule: string; field: string }) {
		super('programmes_call_edit_refused', 409, refusal);
	}
}
