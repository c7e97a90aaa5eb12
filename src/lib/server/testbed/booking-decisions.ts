// Approving or rejecting several pending bookings at once from the facility manager's queue. Each
// booking is decided in its own transaction, exactly as one decision from its page would be, so one
// that changed meanwhile (cancelled, already decided) is refused alone and reported, never half-done.
import type { Kysely } from 'kysely';
import type { DB } from '../db';
import { DomainError } from '../errors';
import type { Actor } from '../orgs/access';
import type { Context } from './announce';
import { approveBooking, rejectBooking } from './booking-transitions';

export type BulkDecision = { ids: string[]; decision: 'approve' | 'reject'; reason?: string };
export type BulkOutcome = { decided: string[]; refused: { id: string; code: string }[] };

export async function decideBookings(
	db: Kysely<DB>,
	actor: Actor,
	input: BulkDecision,
	context: Context
): Promise<BulkOutcome> {
	const outcome: BulkOutcome = { decided: [], refused: [] };
	for (const id of new Set(input.ids)) {
		try {
			if (input.decision === 'approve') await approveBooking(db, actor, id, context);
			else await rejectBooking(db, actor, id, input.reason ?? '', context);
			outcome.decided.push(id);
		} catch (error) {
			if (!(error instanceof DomainError)) throw error;
			outcome.refused.push({ id, code: error.code });
		}
	}
	return outcome;
}
