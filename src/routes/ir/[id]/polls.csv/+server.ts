import type { RequestHandler } from './$types';
import { error } from '@sveltejs/kit';
import * as m from '$lib/paraglide/messages';
import { getDb } from '$lib/server/runtime';
import { DomainError } from '$lib/server/errors';
import { requireUser } from '$lib/server/http/context';
import { listPollResults, pollsCsv, requireEventTeam } from '$lib/server/ir/analytics';
import { idParam } from '$lib/server/ir/schemas';

/** The session's poll results for its team (no personal data: counts per answer only). */
export const GET: RequestHandler = async (event) => {
	const user = requireUser(event);
	const id = idParam.safeParse(event.params.id);
	if (!id.success) error(404, m.error_not_found());
	const db = getDb();
	await requireEventTeam(db, user, id.data).catch((failure) => {
		if (failure instanceof DomainError) error(404, m.error_not_found());
		throw failure;
	});
	const csv = pollsCsv(await listPollResults(db, id.data), {
		question: m.ir_csv_poll_question(),
		openedAt: m.ir_csv_poll_opened_at(),
		closedAt: m.ir_csv_poll_closed_at(),
		option: m.ir_csv_poll_option(),
		votes: m.ir_csv_poll_votes(),
		share: m.ir_csv_poll_share()
	});
	return new Response(csv, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="ir-polls-${id.data}.csv"`,
			'cache-control': 'private, no-store',
			'x-content-type-options': 'nosniff'
		}
	});
};
