import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { NotFoundError } from '$lib/server/errors';
import { requireUser } from '$lib/server/http/context';
import { throwLoadError } from '$lib/server/app/errors';
import { computeAnalytics, listPollResults, listRegistrants, requireEventTeam } from '$lib/server/ir/analytics';
import { idParam } from '$lib/server/ir/schemas';
import { replayAudience } from '$lib/server/ir/recording/audience';
import { deckAnalytics } from '$lib/server/ir/deck/analytics';
import * as m from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';

export const load = (async (event) => {
	const user = requireUser(event);
	const db = getDb();
	try {
		const id = idParam.safeParse(event.params.id);
		if (!id.success) throw new NotFoundError();
		const { event: row } = await requireEventTeam(db, user, id.data);
		const [analytics, registrants, replay, polls, deck] = await Promise.all([
			computeAnalytics(db, row),
			listRegistrants(db, row.id),
			replayAudience(db, row.id),
			listPollResults(db, row.id),
			deckAnalytics(db, row.id, getLocale(), m.deck_no_firm())
		]);
		return {
			event: {
				id: row.id,
				title_ko: row.title_ko,
				title_en: row.title_en,
				status: row.status,
				starts_at: row.starts_at
			},
			analytics,
			registrants,
			replay,
			polls,
			deck
		};
	} catch (error) {
		throwLoadError(error);
	}
}) satisfies PageServerLoad;
