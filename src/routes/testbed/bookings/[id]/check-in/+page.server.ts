import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { NotFoundError } from '$lib/server/errors';
import { failFromError, throwLoadError } from '$lib/server/app/errors';
import { requestContext, requireUser } from '$lib/server/http/context';
import { requireBookingRole } from '$lib/server/testbed/access';
import { checkInBooking, checkInWindow } from '$lib/server/testbed/booking-transitions';
import { findBooking, findResourceById } from '$lib/server/testbed/repository';
import { idParam } from '$lib/server/testbed/schemas';

// Where the QR code leads: the booker or a colleague signs in (if needed) and confirms with one button;
// the load only reads, the check-in itself is a POST.
async function bookingFor(event: Parameters<PageServerLoad>[0]) {
	const user = requireUser(event);
	const db = getDb();
	const id = idParam.safeParse(event.params.id);
	const booking = id.success ? await findBooking(db, id.data) : undefined;
	if (!booking) throwLoadError(new NotFoundError());
	await requireBookingRole(db, user, booking, { orgMembers: true }).catch(throwLoadError);
	return booking;
}

export const load = (async (event) => {
	const booking = await bookingFor(event);
	const resource = (await findResourceById(getDb(), booking.resource_id))!;
	const { opens, closes } = checkInWindow(booking, resource);
	const now = new Date();
	const state = booking.checked_in_at
		? 'done'
		: booking.status !== 'confirmed'
			? 'unavailable'
			: now < opens
				? 'early'
				: now > closes
					? 'closed'
					: 'open';
	return {
		booking: {
			id: booking.id,
			start: booking.starts_at.toISOString(),
			end: booking.ends_at.toISOString(),
			resource_name_ko: booking.resource_name_ko,
			resource_name_en: booking.resource_name_en,
			user_name: booking.user_name
		},
		opens: opens.toISOString(),
		closes: closes.toISOString(),
		state
	};
}) satisfies PageServerLoad;

export const actions = {
	default: async (event) => {
		const user = requireUser(event);
		try {
			const id = idParam.safeParse(event.params.id);
			if (!id.success) throw new NotFoundError();
			await checkInBooking(getDb(), user, id.data, requestContext(event));
		} catch (error) {
			return failFromError(error);
		}
		return { done: true };
	}
} satisfies Actions;
