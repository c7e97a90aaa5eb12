import { DomainError } from '../errors';

export class InvalidCredentialsError extends DomainError {
	constructor() {
		super('invalid_credentials', 400);
	}
}

export class AccountDisabledError extends DomainError {
	constructor() {
		super('account_disabled', 403);
	}
}

export class EmailTakenError extends DomainError {
	constructor() {
		super('email_taken', 409);
	}
}

export class TokenInvalidError extends DomainError {
	constructor() {
		super('token_invalid', 400);
	}
}

export class TokenExpiredError extends DomainError {
	constructor() {
		super('token_expired', 410);
	}
}

export class WrongPasswordError extends DomainError {
	constructor() {
		super('wrong_password', 400);
	}
}
