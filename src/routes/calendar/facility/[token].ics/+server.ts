import { error } from '@sveltejs/kit';
import * as m from '$lib/paraglide/messages';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/runtime';
import { calendarResponse } from '$lib/server/calendar/ics';
import { facilityFeed } from '$lib/server/calendar/feeds';

// All bookings of one facility, for a manager's calendar app; 404 once they no longer manage it.
export const GET: RequestHandler = async ({ params, url }) => {
	const body = await facilityFeed(getDb(), params.token, url.origin);
	if (!body) error(404, m.error_not_found());
	return calendarResponse(body, 'medcluster-facility.ics', { attachment: false });
};
