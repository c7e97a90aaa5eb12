import { DomainError } from '../errors';

export class NoticeVersionTakenError extends DomainError {
	constructor() {
		super('privacy_notice_version_taken', 409);
	}
}

export class ConsentRequiredError extends DomainError {
	constructor() {
		super('privacy_consent_required', 400);
	}
}
