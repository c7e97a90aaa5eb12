import type { RequestHandler } from './$types';
import * as m from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { getDb } from '$lib/server/runtime';
import { deckAnalytics, deckCsv } from '$lib/server/ir/deck/analytics';
import { requireTeamExport } from '$lib/server/ir/team-export';
import { csvDownload } from '$lib/server/http/download';

/** The deck reading per investor firm, for the session's team (anybody else: 404). */
export const GET: RequestHandler = async (event) => {
	const db = getDb();
	const { eventId } = await requireTeamExport(event, db);
	const csv = deckCsv(await deckAnalytics(db, eventId, getLocale(), m.deck_no_firm()), {
		firm: m.deck_col_firm(),
		viewers: m.deck_col_viewers(),
		totalSeconds: m.deck_col_total_seconds(),
		completed: m.deck_col_completed(),
		page: m.deck_col_page()
	});
	return csvDownload(csv, `ir-deck-${eventId}.csv`);
};
