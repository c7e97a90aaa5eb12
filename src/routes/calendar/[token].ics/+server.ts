import { error } from '@sveltejs/kit';
import * as m from '$lib/paraglide/messages';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/runtime';
import { calendarResponse } from '$lib/server/calendar/ics';
import { personalFeed } from '$lib/server/calendar/feeds';

// A person's private feed: the secret in the URL is the only credential (calendar apps send no cookie).
export const GET: RequestHandler = async ({ params, url }) => {
	const body = await personalFeed(getDb(), params.token, url.origin);
	if (!body) error(404, m.error_not_found());
	return calendarResponse(body, 'medcluster.ics', { attachment: false });
};
