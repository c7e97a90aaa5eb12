import { DomainError } from '../errors';

export class SlugTakenError extends DomainError {
	constructor() {
		super('slug_taken', 409);
	}
}

export class AlreadyMemberError extends DomainError {
	constructor() {
		super('already_member', 409);
	}
}

export class JoinRequestPendingError extends DomainError {
	constructor() {
		super('join_request_pending', 409);
	}
}

export class LastOwnerError extends DomainError {
	constructor() {
		super('last_owner', 409);
	}
}

export class InvitationEmailMismatchError extends DomainError {
	constructor() {
		super('invitation_email_mismatch', 403);
	}
}

export class NotOrgAdminError extends DomainError {
	constructor() {
		super('not_org_admin', 403);
	}
}

export class OrgNotVerifiedError extends DomainError {
	constructor() {
		super('org_not_verified', 403);
	}
}
