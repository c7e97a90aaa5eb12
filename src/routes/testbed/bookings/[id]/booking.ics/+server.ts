import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/runtime';
import { NotFoundError } from '$lib/server/errors';
import { requireUser } from '$lib/server/http/context';
import { throwLoadError } from '$lib/server/app/errors';
import { requireBookingRole } from '$lib/server/testbed/access';
import { bookingCalendar } from '$lib/server/testbed/ics';
import { findBooking } from '$lib/server/testbed/repository';
import { idParam } from '$lib/server/testbed/schemas';
import { placeOf } from '$lib/server/testbed/booking-row';

// The booker, their org admins and the facility managers; e-mail links bring others to sign-in first.
export const GET: RequestHandler = async (event) => {
	const user = requireUser(event);
	const db = getDb();
	const id = idParam.safeParse(event.params.id);
	const booking = id.success ? await findBooking(db, id.data) : undefined;
	if (!booking) throwLoadError(new NotFoundError());
	await requireBookingRole(db, user, booking).catch(throwLoadError);
	const url = new URL(`/testbed/bookings/${booking.id}`, event.url.origin).href;
	const body = bookingCalendar(
		{
			id: booking.id,
			sequence: booking.sequence,
			status: booking.status,
			start: booking.starts_at,
			end: booking.ends_at,
			updatedAt: booking.updated_at,
			summary: `${booking.resource_name_ko} / ${booking.resource_name_en}`,
			description: [
				booking.purpose,
				`${booking.org_name_ko} · ${booking.user_name}`,
				booking.resource_rules_ko,
				booking.resource_rules_en,
				url
			]
				.filter(Boolean)
				.join('\n'),
			location: placeOf(booking, 'ko'),
			url
		},
		event.url.hostname
	);
	return new Response(body, {
		headers: {
			'content-type': 'text/calendar; charset=utf-8',
			'content-disposition': `attachment; filename="booking-${booking.id}.ics"`,
			'cache-control': 'private, no-store'
		}
	});
};
