// Why a consulting request or a change to a call's consultants was refused; codes map to translated messages.
import { DomainError } from '../errors';

/** Only companies selected in the call (and their members) book its consultants. */
export class NotSelectedCompanyError extends DomainError {
	constructor() {
		super('consult_not_selected', 403);
	}
}

/** Consulting runs until the programme ends; sessions are booked before that. */
export class ConsultingEndedError extends DomainError {
	constructor() {
		super('consult_programme_ended', 409);
	}
}

export class SlotAfterProgrammeEndError extends DomainError {
	constructor() {
		super('consult_slot_after_end', 422);
	}
}

/** A consultant is a person with an account: the e-mail typed matched none. */
export class UnknownConsultantError extends DomainError {
	constructor(email: string) {
		super('consult_unknown_user', 422, { email });
	}
}

/** A company does not book its own people as consultants. */
export class OwnConsultantError extends DomainError {
	constructor() {
		super('consult_own_member', 422);
	}
}
