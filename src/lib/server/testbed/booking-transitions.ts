// Every change to an existing booking: approve, reject, cancel, reschedule, check in, complete, no-show.
// Each locks the booking, checks who the actor is to it, applies the change and announces it.
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db';
import { isExclusionViolation } from '../db/errors';
import { ForbiddenError, InvalidStateError, NotFoundError } from '../errors';
import type { Actor } from '../orgs/access';
import { requireBookingRole, type BookingRole } from './access';
import { announceBooking, type Announcement, type Context } from './announce';
import { requireAllowedTime } from './booking-rules';
import { BookingConflictError, CancelCutoffPassedError, CheckInClosedError, NotFacilityManagerError } from './errors';
import { checkQuota } from './quota';
import { queueSlotOffers } from './slot-holds-jobs';
import * as bookingRepository from './repository';
import { refundPayments } from '../vouchers/service';
import { repriceBookingPayment } from '../vouchers/booking-payment';

/** A step returns what to announce, or null when there was nothing left to change (an idempotent repeat). */
type Step = (
	trx: Transaction<DB>,
	booking: bookingRepository.BookingView,
	role: BookingRole
) => Promise<Omit<Announcement, 'bookingId' | 'actorId'> | null>;

async function transition(
	db: Kysely<DB>,
	actor: Actor,
	bookingId: string,
	context: Context,
	step: Step,
	access: { orgMembers?: boolean } = {}
) {
	try {
		return await db.transaction().execute(async (trx) => {
			if (!(await bookingRepository.lockBooking(trx, bookingId))) throw new NotFoundError();
			const booking = (await bookingRepository.findBooking(trx, bookingId))!;
			const role = await requireBookingRole(trx, actor, booking, access);
			const announcement = await step(trx, booking, role);
			if (!announcement) return booking;
			return announceBooking(trx, { ...announcement, bookingId, actorId: actor.id }, context);
		});
	} catch (error) {
		if (isExclusionViolation(error, 'bookings_no_overlap')) throw new BookingConflictError();
		throw error;
	}
}

const requireManager = (role: BookingRole) => {
	if (!role.manager) throw new NotFacilityManagerError();
};
const requireStatus = (booking: { status: string }, ...allowed: string[]) => {
	if (!allowed.includes(booking.status)) throw new InvalidStateError();
};
const MINUTE = 60_000;

export const approveBooking = (db: Kysely<DB>, actor: Actor, id: string, context: Context) =>
	transition(db, actor, id, context, async (trx, booking, role) => {
		requireManager(role);
		requireStatus(booking, 'pending');
		await bookingRepository.updateBooking(trx, id, { status: 'confirmed', decisionReason: null });
		return { action: 'approved', kind: 'testbed_booking_confirmed' };
	});

export const rejectBooking = (db: Kysely<DB>, actor: Actor, id: string, reason: string, context: Context) =>
	transition(db, actor, id, context, async (trx, booking, role) => {
		requireManager(role);
		requireStatus(booking, 'pending');
		await bookingRepository.updateBooking(trx, id, { status: 'rejected', decisionReason: reason });
		await queueSlotOffers(trx, booking.resource_id);
		await refundPayments(trx, { bookingId: id }, actor.id);
		return { action: 'rejected', kind: 'testbed_booking_rejected', reason, data: { reason } };
	});

/** Until the resource's cut-off for the booker's side; managers may cancel any open booking. */
export const cancelBooking = (
	db: Kysely<DB>,
	actor: Actor,
	id: string,
	reason: string | null,
	context: Context,
	now = new Date()
) =>
	transition(db, actor, id, context, async (trx, booking, role) => {
		requireStatus(booking, 'pending', 'confirmed');
		if (booking.checked_in_at) throw new InvalidStateError();
		const resource = (await bookingRepository.findResourceById(trx, booking.resource_id))!;
		if (!role.manager && now.getTime() > booking.starts_at.getTime() - resource.cancel_cutoff_minutes * MINUTE)
			throw new CancelCutoffPassedError();
		await bookingRepository.updateBooking(trx, id, { status: 'cancelled', decisionReason: reason });
		await queueSlotOffers(trx, booking.resource_id);
		await refundPayments(trx, { bookingId: id }, actor.id);
		return { action: 'cancelled', kind: 'testbed_booking_cancelled', reason, data: { reason } };
	});

/** One UPDATE of the range: if the new slot is taken the transaction fails and the old slot stays booked. */
export const rescheduleBooking = (
	db: Kysely<DB>,
	actor: Actor,
	id: string,
	slot: { start: Date; end: Date },
	context: Context,
	now = new Date()
) =>
	transition(db, actor, id, context, async (trx, booking, role) => {
		if (!role.booker && !role.orgAdmin && !role.manager) throw new ForbiddenError();
		requireStatus(booking, 'pending', 'confirmed');
		if (booking.checked_in_at) throw new InvalidStateError();
		const resource = (await bookingRepository.findResourceById(trx, booking.resource_id))!;
		if (!role.manager && now.getTime() > booking.starts_at.getTime() - resource.cancel_cutoff_minutes * MINUTE)
			throw new CancelCutoffPassedError();
		await requireAllowedTime(trx, resource, slot.start, slot.end, now);
		await bookingRepository.lockOrganizationForQuota(trx, booking.org_id);
		await checkQuota(trx, resource, booking.org_id, slot.start, slot.end, id);
		// A booking that needed approval needs it again for a new time.
		const status = resource.auto_confirm || booking.status === 'pending' ? booking.status : 'pending';
		await bookingRepository.updateBooking(trx, id, { ...slot, status });
		await queueSlotOffers(trx, booking.resource_id);
		await repriceBookingPayment(trx, {
			bookingId: id,
			resource,
			orgId: booking.org_id,
			actorId: actor.id,
			start: slot.start,
			end: slot.end,
			now
		});
		return {
			action: 'rescheduled',
			kind: 'testbed_booking_rescheduled',
			data: { from: { start: booking.starts_at.toISOString(), end: booking.ends_at.toISOString() } }
		};
	});

/** The check-in window: from `checkin_before` minutes before the start to `checkin_after` after it (never past the end). */
export function checkInWindow(
	booking: { starts_at: Date; ends_at: Date },
	resource: { checkin_before_minutes: number; checkin_after_minutes: number }
) {
	const start = booking.starts_at.getTime();
	return {
		opens: new Date(start - resource.checkin_before_minutes * MINUTE),
		closes: new Date(Math.min(start + resource.checkin_after_minutes * MINUTE, booking.ends_at.getTime()))
	};
}

/** Within the window; by the booker or a colleague from their organisation (button or QR code), or a manager at the desk. */
export const checkInBooking = (db: Kysely<DB>, actor: Actor, id: string, context: Context, now = new Date()) =>
	transition(
		db,
		actor,
		id,
		context,
		async (trx, booking, role) => {
			if (!role.booker && !role.orgMember && !role.manager) throw new ForbiddenError();
			requireStatus(booking, 'confirmed');
			if (booking.checked_in_at) throw new InvalidStateError();
			const resource = (await bookingRepository.findResourceById(trx, booking.resource_id))!;
			const times = checkInWindow(booking, resource);
			if (now < times.opens || now > times.closes) throw new CheckInClosedError();
			await bookingRepository.updateBooking(trx, id, { checkedInAt: now });
			return { action: 'checked_in', kind: 'testbed_booking_checked_in' };
		},
		{ orgMembers: true }
	);

/**
 * A manager records a no-show once the booking has started without a check-in; the rest of the slot
 * is freed as by the job. Marking it again changes nothing and announces nothing.
 */
export const markNoShow = (db: Kysely<DB>, actor: Actor, id: string, context: Context, now = new Date()) =>
	transition(db, actor, id, context, async (trx, booking, role) => {
		requireManager(role);
		if (booking.status === 'no_show') return null;
		requireStatus(booking, 'confirmed');
		if (booking.checked_in_at || now < booking.starts_at) throw new InvalidStateError();
		await bookingRepository.updateBooking(trx, id, {
			status: 'no_show',
			endedAt: now < booking.ends_at ? now : booking.ends_at
		});
		return { action: 'no_show', kind: 'testbed_booking_no_show', data: { manual: true } };
	});

/** Ends a checked-in booking with usage notes; finishing early gives the rest of the slot back. */
export const completeBooking = (
	db: Kysely<DB>,
	actor: Actor,
	id: string,
	notes: string,
	context: Context,
	now = new Date()
) =>
	transition(db, actor, id, context, async (trx, booking, role) => {
		if (!role.booker && !role.manager) throw new ForbiddenError();
		requireStatus(booking, 'confirmed');
		if (!booking.checked_in_at) throw new InvalidStateError();
		const early = now > booking.starts_at && now < booking.ends_at;
		await bookingRepository.updateBooking(trx, id, {
			status: 'completed',
			usageNotes: notes,
			endedAt: early ? now : booking.ends_at,
			...(early ? { start: booking.starts_at, end: now } : {})
		});
		return { action: 'completed', kind: 'testbed_booking_completed', data: { notes } };
	});
