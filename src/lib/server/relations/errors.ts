// Why a declared relation between organisations could not be changed; codes map to translated messages.
import { DomainError } from '../errors';

/** The same tie (or, for partners, the same pair either way round) is already declared. */
export class RelationExistsError extends DomainError {
	constructor() {
		super('relation_exists', 409);
	}
}

/** Confirming or rejecting is for the admins of the organisation the declaration names, not the declarer. */
export class NotOtherSideError extends DomainError {
	constructor() {
		super('relation_not_other_side', 403);
	}
}

/** Withdrawing is for the admins of the organisation that declared. */
export class NotDeclarerError extends DomainError {
	constructor() {
		super('relation_not_declarer', 403);
	}
}

/** Only a declaration still awaiting its answer can be confirmed, rejected or withdrawn. */
export class RelationNotOpenError extends DomainError {
	constructor() {
		super('relation_not_open', 409);
	}
}

/** The other organisation is not a verified member of the directory (or is the organisation itself). */
export class RelationOrgUnknownError extends DomainError {
	constructor() {
		super('relation_org_unknown', 422);
	}
}
