import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import * as m from '$lib/paraglide/messages';
import { getDb } from '$lib/server/runtime';
import { listNotifications, markRead } from '$lib/server/notify/repository';
import { renderNotification } from '$lib/server/app/notifications';
import { safeRedirect } from '$lib/server/auth/redirect';
import { readForm } from '$lib/server/http/form';
import { requireUser } from '$lib/server/http/context';
import { areaOf, kindsByArea, kindsOfArea } from '$lib/server/app/notification-areas';
import { markReadSchema, readFilters } from './schema';

const LIMIT = 100;

export const load = (async (event) => {
	const user = requireUser(event);
	const { unreadOnly, area, kind } = readFilters(event.url.searchParams);
	// A kind outside the chosen area matches nothing; no filter at all lists every kind.
	const kinds = kind ? (area && areaOf(kind) !== area ? [] : [kind]) : area ? kindsOfArea(area) : undefined;
	const rows = await listNotifications(getDb(), user.id, LIMIT, unreadOnly, kinds);
	return {
		unreadOnly,
		area: area ?? '',
		kind: kind ?? '',
		filterOptions: kindsByArea(event.locals.locale),
		notifications: rows.map((row) => ({
			id: row.id,
			...renderNotification(row.kind, row.params, event.locals.locale),
			// Links are stored as paths on this site; anything else is not shown as a link.
			link: safeRedirect(row.link, event.url.origin, '') || null,
			readAt: row.read_at,
			createdAt: row.created_at
		}))
	};
}) satisfies PageServerLoad;

export const actions = {
	markRead: async (event) => {
		const user = requireUser(event);
		const form = await readForm(event.request, markReadSchema);
		if (!form.ok) return fail(400, { message: m.error_validation_failed() });
		// markRead only touches the user's own notifications.
		await markRead(getDb(), user.id, [form.data.id]);
		return { markedId: form.data.id };
	},
	markAllRead: async (event) => {
		const user = requireUser(event);
		await markRead(getDb(), user.id, 'all');
		return { success: m.notifications_all_read_done() };
	}
} satisfies Actions;
