import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { requireUser } from '$lib/server/http/context';
import { readSchedule } from '$lib/server/schedule/service';
import { readScheduleQuery, scheduleWindow } from '$lib/server/schedule/view';

export const load = (async (event) => {
	const user = requireUser(event);
	const query = readScheduleQuery(event.url.searchParams);
	const window = scheduleWindow(query.view, query.date, new Date(), event.locals.timeZone);
	// Only the signed-in member's own items: every source filters by their id.
	const items = await readSchedule(getDb(), user.id, window.from, window.to, query.kinds);
	return {
		view: query.view,
		kinds: query.kinds,
		window: {
			days: window.days,
			anchor: window.anchor,
			previous: window.previous,
			next: window.next,
			today: window.today
		},
		items,
		conflicts: items.filter((item) => item.conflictsWith.length > 0).length
	};
}) satisfies PageServerLoad;
