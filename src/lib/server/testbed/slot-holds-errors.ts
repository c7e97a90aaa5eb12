// Why a booking or an alert was refused around availability alerts (messages: slot-holds-error-messages.ts).
import { DomainError } from '../errors';

/** The slot is held for the next person waiting for it. */
export class SlotHeldError extends DomainError {
	constructor() {
		super('avail_slot_held', 409);
	}
}

export class AlertRangeError extends DomainError {
	constructor() {
		super('avail_alert_range', 422);
	}
}
