import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import * as m from '$lib/paraglide/messages';
import { getDb } from '$lib/server/runtime';
import { authenticated } from '$lib/server/app/api';
import { NotFoundError } from '$lib/server/errors';
import { requireEventTeam } from '$lib/server/ir/analytics';
import { deckAnalytics } from '$lib/server/ir/deck/analytics';
import { idParam } from '$lib/server/ir/schemas';
import { deckAnalyticsJson } from '$lib/server/ir/api-shapes';

/** The deck reading per firm, for the session's team only (anybody else: 404, as the analytics). */
export const GET: RequestHandler = authenticated(async (event, user) => {
	const id = idParam.safeParse(event.params.id);
	if (!id.success) throw new NotFoundError();
	const db = getDb();
	await requireEventTeam(db, user, id.data);
	const locale = user.locale === 'ko' ? 'ko' : 'en';
	const firms = await deckAnalytics(db, id.data, locale, m.deck_no_firm({}, { locale }));
	return json(deckAnalyticsJson(id.data, firms));
});
