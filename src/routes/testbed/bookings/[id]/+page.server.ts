import { fail } from '@sveltejs/kit';
import type { z } from 'zod';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { getDb } from '$lib/server/runtime';
import { NotFoundError } from '$lib/server/errors';
import { failFromError, throwLoadError } from '$lib/server/app/errors';
import { readForm } from '$lib/server/http/form';
import { requestContext, requireUser } from '$lib/server/http/context';
import type { Actor } from '$lib/server/orgs/access';
import { requireBookingRole } from '$lib/server/testbed/access';
import * as transitions from '$lib/server/testbed/booking-transitions';
import { bookingRow } from '$lib/server/testbed/booking-row';
import { findBooking, findResourceById } from '$lib/server/testbed/repository';
import * as schemas from '$lib/server/testbed/schemas';
import { qrCode } from '$lib/server/common/qr';
import { localParts, parseClock, zonedInstant } from '$lib/server/common/zoned-time';

const MINUTE = 60_000;

export const load = (async (event) => {
	const user = requireUser(event);
	const db = getDb();
	const id = schemas.idParam.safeParse(event.params.id);
	const booking = id.success ? await findBooking(db, id.data) : undefined;
	if (!booking) throwLoadError(new NotFoundError());
	const role = await requireBookingRole(db, user, booking).catch(throwLoadError);
	const resource = (await findResourceById(db, booking.resource_id))!;
	const now = Date.now();
	const start = booking.starts_at.getTime();
	const open = booking.status === 'pending' || booking.status === 'confirmed';
	const beforeCutoff = now <= start - resource.cancel_cutoff_minutes * MINUTE;
	const times = transitions.checkInWindow(booking, resource);
	const checkInOpen = now >= times.opens.getTime() && now <= times.closes.getTime();
	// The code people scan at the device: shown until check-in closes, to everybody who may see the booking.
	const showQr = booking.status === 'confirmed' && !booking.checked_in_at && now <= times.closes.getTime();
	const checkInUrl = new URL(`/testbed/bookings/${booking.id}/check-in`, event.url.origin).href;
	// The reschedule form starts from the booking as it is, in the viewer's time zone (issue 21).
	const local = localParts(booking.starts_at, event.locals.timeZone);
	const clock = (minutes: number) =>
		`${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
	return {
		current: {
			date: local.date,
			time: clock(local.minutes),
			minutes: String(Math.round((booking.ends_at.getTime() - start) / MINUTE))
		},
		booking: bookingRow(booking),
		created: event.url.searchParams.has('created'),
		can: {
			approve: role.manager && booking.status === 'pending',
			cancel: open && !booking.checked_in_at && (role.manager || beforeCutoff),
			reschedule: open && !booking.checked_in_at && (role.manager || beforeCutoff),
			checkIn: (role.booker || role.manager) && booking.status === 'confirmed' && !booking.checked_in_at && checkInOpen,
			complete: (role.booker || role.manager) && booking.status === 'confirmed' && !!booking.checked_in_at,
			noShow: role.manager && booking.status === 'confirmed' && !booking.checked_in_at && now >= start
		},
		checkIn: showQr
			? {
					url: checkInUrl,
					opens: times.opens.toISOString(),
					closes: times.closes.toISOString(),
					qr: qrCode(checkInUrl)
				}
			: null,
		durations: Array.from(
			{ length: Math.floor((resource.max_minutes - resource.min_minutes) / resource.slot_minutes) + 1 },
			(_, i) => resource.min_minutes + i * resource.slot_minutes
		).slice(0, 48),
		slotMinutes: resource.slot_minutes
	};
}) satisfies PageServerLoad;

async function act<S extends z.ZodType>(
	event: RequestEvent,
	schema: S,
	run: (actor: Actor, id: string, data: z.output<S>) => Promise<unknown>,
	done: string
) {
	const user = requireUser(event);
	const form = await readForm(event.request, schema);
	if (!form.ok) return fail(400, { errors: form.errors, values: form.values });
	try {
		const id = schemas.idParam.safeParse(event.params.id);
		if (!id.success) throw new NotFoundError();
		await run(user, id.data, form.data);
	} catch (error) {
		return failFromError(error, { values: form.values });
	}
	return { done };
}

export const actions = {
	approve: (event) =>
		act(
			event,
			schemas.optionalReasonForm,
			(actor, id) => transitions.approveBooking(getDb(), actor, id, requestContext(event)),
			'approved'
		),
	reject: (event) =>
		act(
			event,
			schemas.reasonForm,
			(actor, id, data) => transitions.rejectBooking(getDb(), actor, id, data.reason, requestContext(event)),
			'rejected'
		),
	cancel: (event) =>
		act(
			event,
			schemas.optionalReasonForm,
			(actor, id, data) => transitions.cancelBooking(getDb(), actor, id, data.reason ?? null, requestContext(event)),
			'cancelled'
		),
	checkIn: (event) =>
		act(
			event,
			schemas.optionalReasonForm,
			(actor, id) => transitions.checkInBooking(getDb(), actor, id, requestContext(event)),
			'checked_in'
		),
	complete: (event) =>
		act(
			event,
			schemas.completeForm,
			(actor, id, data) => transitions.completeBooking(getDb(), actor, id, data.notes, requestContext(event)),
			'completed'
		),
	noShow: (event) =>
		act(
			event,
			schemas.optionalReasonForm,
			(actor, id) => transitions.markNoShow(getDb(), actor, id, requestContext(event)),
			'no_show'
		),
	reschedule: (event) =>
		act(
			event,
			schemas.rescheduleForm,
			(actor, id, data) => {
				const start = zonedInstant(data.date, parseClock(data.time), event.locals.timeZone);
				return transitions.rescheduleBooking(
					getDb(),
					actor,
					id,
					{ start, end: new Date(start.getTime() + data.minutes * MINUTE) },
					requestContext(event)
				);
			},
			'rescheduled'
		)
} satisfies Actions;
