// Creating bookings: one slot, or a weekly series that says which dates it skipped and why.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../db';
import { isExclusionViolation, retryOnDeadlock } from '../db/errors';
import { DomainError, NotFoundError } from '../errors';
import type { Actor } from '../orgs/access';
import { resolveBookingOrganization } from './access';
import { announceBooking, type Context } from './announce';
import { requireAllowedTime } from './booking-rules';
import { requireCredential } from './credentials';
import { BookingConflictError } from './errors';
import { checkQuota } from './quota';
import { claimHeldTime } from './slot-holds';
import * as bookingRepository from './repository';
import { localParts, zonedInstant, addDays } from '$lib/server/common/zoned-time';
import { payBookingWithVoucher } from '../vouchers/booking-payment';

/** `payWithVoucher`: pay the price from the organisation's voucher in the booking's own transaction. */
export type NewBookingInput = {
	resourceId: string;
	start: Date;
	end: Date;
	purpose: string;
	orgId?: string;
	payWithVoucher?: boolean;
};

export async function createBooking(
	db: Kysely<DB>,
	actor: Actor,
	input: NewBookingInput,
	context: Context,
	now = new Date(),
	seriesId: string | null = null
) {
	try {
		return await retryOnDeadlock(() =>
			db.transaction().execute(async (trx) => {
				const resource = await bookingRepository.findResourceById(trx, input.resourceId);
				if (!resource || !resource.active) throw new NotFoundError();
				const orgId = await resolveBookingOrganization(trx, actor.id, input.orgId);
				await requireCredential(trx, actor.id, resource.required_credential_id, input.start);
				await requireAllowedTime(trx, resource, input.start, input.end, now);
				await claimHeldTime(trx, resource.id, actor.id, input.start, input.end, now);
				await bookingRepository.lockOrganizationForQuota(trx, orgId);
				await checkQuota(trx, resource, orgId, input.start, input.end);
				const status = resource.auto_confirm ? 'confirmed' : 'pending';
				const { id } = await bookingRepository.insertBooking(trx, {
					resourceId: resource.id,
					orgId,
					userId: actor.id,
					start: input.start,
					end: input.end,
					status,
					purpose: input.purpose,
					seriesId
				});
				if (input.payWithVoucher)
					await payBookingWithVoucher(trx, {
						bookingId: id,
						resource,
						orgId,
						actorId: actor.id,
						start: input.start,
						end: input.end,
						now
					});
				return announceBooking(
					trx,
					{
						bookingId: id,
						actorId: actor.id,
						action: 'created',
						kind: status === 'confirmed' ? 'testbed_booking_confirmed' : 'testbed_booking_requested',
						data: { seriesId }
					},
					context
				);
			})
		);
	} catch (error) {
		if (isExclusionViolation(error, 'bookings_no_overlap')) throw new BookingConflictError();
		throw error;
	}
}

export type SeriesResult = {
	created: Awaited<ReturnType<typeof createBooking>>[];
	skipped: { start: Date; end: Date; code: string; error: DomainError }[];
};

/** `weeks` occurrences at the same local time; each one is its own transaction, so one conflict skips one date. */
export async function createWeeklyBookings(
	db: Kysely<DB>,
	actor: Actor,
	input: NewBookingInput & { weeks: number; timeZone: string },
	context: Context,
	now = new Date()
): Promise<SeriesResult> {
	const seriesId = input.weeks > 1 ? randomUUID() : null;
	const first = localParts(input.start, input.timeZone);
	const minutes = (input.end.getTime() - input.start.getTime()) / 60_000;
	const result: SeriesResult = { created: [], skipped: [] };
	for (let week = 0; week < Math.min(input.weeks, 26); week++) {
		const start = zonedInstant(addDays(first.date, 7 * week), first.minutes, input.timeZone);
		const end = new Date(start.getTime() + minutes * 60_000);
		try {
			result.created.push(await createBooking(db, actor, { ...input, start, end }, context, now, seriesId));
		} catch (error) {
			if (!(error instanceof DomainError) || error instanceof NotFoundError) throw error;
			// Who may book does not change from week to week: that refusal is the answer for all.
			if (error.code === 'org_not_verified' || error.code === 'credential_required') throw error;
			result.skipped.push({ start, end, code: error.code, error });
		}
	}
	if (result.created.length === 0 && result.skipped.length > 0 && input.weeks === 1) throw result.skipped[0].error;
	return result;
}
