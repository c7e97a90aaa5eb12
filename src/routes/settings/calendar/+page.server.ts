import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import * as m from '$lib/paraglide/messages';
import { getDb } from '$lib/server/runtime';
import { issueFeedToken, revokeFeedToken } from '$lib/server/calendar/feeds';
import { listLiveTokens } from '$lib/server/calendar/feed-tokens';
import { listManagedFacilityIds } from '$lib/server/testbed/access';
import { DomainError } from '$lib/server/errors';
import { FeedTokenConflictError } from '$lib/server/calendar/errors';
import { readForm } from '$lib/server/http/form';
import { requestContext, requireUser } from '$lib/server/http/context';
import { feedSchema } from './schema';

export const load = (async (event) => {
	const user = requireUser(event);
	const db = getDb();
	const ids = await listManagedFacilityIds(db, user);
	const facilities = ids.length
		? await db
				.selectFrom('facilities')
				.select(['id', 'name_ko', 'name_en'])
				.where('id', 'in', ids)
				.orderBy('name_en')
				.execute()
		: [];
	const tokens = await listLiveTokens(db, user.id);
	return {
		facilities,
		tokens: tokens.map((t) => ({ facilityId: t.facility_id, createdAt: t.created_at, lastUsedAt: t.last_used_at }))
	};
}) satisfies PageServerLoad;

const feedUrl = (origin: string, facilityId: string | null, secret: string) =>
	new URL(facilityId ? `/calendar/facility/${secret}.ics` : `/calendar/${secret}.ics`, origin).href;

export const actions = {
	issue: async (event) => {
		const user = requireUser(event);
		const form = await readForm(event.request, feedSchema);
		if (!form.ok) return fail(400, { message: m.error_validation_failed() });
		try {
			const secret = await issueFeedToken(getDb(), user, form.data.facility, requestContext(event));
			return { issued: { facilityId: form.data.facility, url: feedUrl(event.url.origin, form.data.facility, secret) } };
		} catch (error) {
			if (error instanceof FeedTokenConflictError) return fail(409, { message: m.calendar_feed_error_busy() });
			// Not a manager of that facility (any more): the same answer as an unknown facility.
			if (error instanceof DomainError) return fail(404, { message: m.error_not_found() });
			throw error;
		}
	},
	revoke: async (event) => {
		const user = requireUser(event);
		const form = await readForm(event.request, feedSchema);
		if (!form.ok) return fail(400, { message: m.error_validation_failed() });
		try {
			if (!(await revokeFeedToken(getDb(), user, form.data.facility, requestContext(event))))
				return fail(404, { message: m.error_not_found() });
		} catch (error) {
			if (error instanceof FeedTokenConflictError) return fail(409, { message: m.calendar_feed_error_busy() });
			throw error;
		}
		return { revoked: true };
	}
} satisfies Actions;
