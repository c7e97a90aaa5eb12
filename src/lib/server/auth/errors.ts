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

/** A TOTP or recovery code that is wrong, expired or already used (one message for all: no oracle). */
export class InvalidCodeError extends DomainError {
	constructor() {
		super('security_code_invalid', 400);
	}
}

export class TotpAlreadyEnabledError extends DomainError {
	constructor() {
		super('security_totp_already_enabled', 409);
	}
}

export class TotpNotEnabledError extends DomainError {
	constructor() {
		super('security_totp_not_enabled', 409);
	}
}

export class PasskeyInvalidError extends DomainError {
	constructor() {
		super('security_passkey_invalid', 400);
	}
}

/** An organisation of the user requires a second factor and the account has none (API tokens, their creation). */
export class OrgSecondFactorRequiredError extends DomainError {
	constructor() {
		super('auth2_org_second_factor_required', 403);
		this.link = '/settings/security';
	}
}
