import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/runtime';
import { authenticated } from '$lib/server/app/api';
import { NotFoundError } from '$lib/server/errors';
import { computeAnalytics, requireEventTeam } from '$lib/server/ir/analytics';
import { idParam } from '$lib/server/ir/schemas';
import { analyticsJson } from '$lib/server/ir/api-shapes';
import { replayAudience } from '$lib/server/ir/recording/audience';

export const GET: RequestHandler = authenticated(async (event, user) => {
	const id = idParam.safeParse(event.params.id);
	if (!id.success) throw new NotFoundError();
	const db = getDb();
	const team = await requireEventTeam(db, user, id.data);
	const [analytics, replay] = await Promise.all([computeAnalytics(db, team.event), replayAudience(db, id.data)]);
	return json(analyticsJson(id.data, analytics, replay));
});
