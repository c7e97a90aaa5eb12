// Why a thesis or a matchmaking action was refused; the codes map to translated messages.
import { DomainError } from '../errors';

/** A thesis belongs to an investor organisation only. */
export class NotInvestorError extends DomainError {
	constructor() {
		super('match_not_investor', 422);
	}
}

/** Picks change only until the day's deadline and before it is scheduled. */
export class PicksClosedError extends DomainError {
	constructor() {
		super('match_picks_closed', 409);
	}
}

/** Both organisations must be invited, on opposite sides. */
export class NotParticipantError extends DomainError {
	constructor() {
		super('match_not_participant', 403);
	}
}

export class DayScheduledError extends DomainError {
	constructor() {
		super('match_day_scheduled', 409);
	}
}
