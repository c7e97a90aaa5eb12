import type { RequestHandler } from './$types';
import * as m from '$lib/paraglide/messages';
import { getDb } from '$lib/server/runtime';
import { listPollResults, pollsCsv } from '$lib/server/ir/analytics';
import { requireTeamExport } from '$lib/server/ir/team-export';
import { csvDownload } from '$lib/server/http/download';

/** The session's poll results for its team (no personal data: counts per answer only). */
export const GET: RequestHandler = async (event) => {
	const db = getDb();
	const { eventId } = await requireTeamExport(event, db);
	const csv = pollsCsv(await listPollResults(db, eventId), {
		question: m.ir_csv_poll_question(),
		openedAt: m.ir_csv_poll_opened_at(),
		closedAt: m.ir_csv_poll_closed_at(),
		option: m.ir_csv_poll_option(),
		votes: m.ir_csv_poll_votes(),
		share: m.ir_csv_poll_share()
	});
	return csvDownload(csv, `ir-polls-${eventId}.csv`);
};
