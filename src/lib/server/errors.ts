// The base of every domain error: a stable code (mapped to a translated message) and an HTTP status.
export type ErrorCode =
	| 'validation_failed'
	| 'unauthenticated'
	| 'forbidden'
	| 'not_found'
	| 'conflict'
	| 'rate_limited'
	| 'invalid_credentials'
	| 'account_disabled'
	| 'email_taken'
	| 'email_not_verified'
	| 'token_invalid'
	| 'token_expired'
	| 'wrong_password'
	| 'org_not_verified'
	| 'slug_taken'
	| 'already_member'
	| 'join_request_pending'
	| 'last_owner'
	| 'invitation_email_mismatch'
	| 'not_org_admin'
	| 'operator_only'
	| 'invalid_state';

export class DomainError extends Error {
	constructor(
		readonly code: ErrorCode,
		readonly status: number,
		readonly params: Record<string, string | number> = {}
	) {
		super(code);
		this.name = new.target.name;
	}
}

export class NotFoundError extends DomainError {
	constructor() {
		super('not_found', 404);
	}
}

export class ForbiddenError extends DomainError {
	constructor(code: ErrorCode = 'forbidden') {
		super(code, 403);
	}
}

export class RateLimitedError extends DomainError {
	constructor(readonly retryAfterSeconds: number) {
		super('rate_limited', 429, { seconds: retryAfterSeconds });
	}
}

export class InvalidStateError extends DomainError {
	constructor() {
		super('invalid_state', 409);
	}
}
