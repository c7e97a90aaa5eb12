// Which node serves this live room's socket and media: its current owner, else the least loaded live
// node, which takes the room's lease now (so this is a POST). Asked by the live page before it opens
// its socket and again before each reconnect. Without a cluster (embedded PGlite) the answer is null.
import { json } from '@sveltejs/kit';
import { z } from 'zod';
import * as m from '$lib/paraglide/messages';
import type { RequestHandler } from './$types';
import { problem } from '$lib/server/http/errors';
import { DomainError } from '$lib/server/errors';
import { getDb, getRuntime } from '$lib/server/runtime';
import { isCrossSiteCookieWrite } from '$lib/server/api/same-origin';
import { requireLiveAccess } from '$lib/server/ir/live/access';
import { liveErrorMessage } from '$lib/server/ir/live/error-messages';
import { ClusterUnavailableError } from '$lib/server/cluster/errors';

export const POST: RequestHandler = async (event) => {
	const user = event.locals.user;
	if (!user) return problem(401, 'unauthenticated', m.error_unauthenticated());
	// Placing takes a lease: only the portal's own pages may ask, as for every cookie write.
	if (isCrossSiteCookieWrite(event)) return problem(403, 'cross_site_request', m.error_cross_site_request());
	const id = z.uuid().safeParse(event.params.id);
	if (!id.success) return problem(404, 'not_found', liveErrorMessage(new DomainError('not_found', 404)));
	try {
		// The same rule as the socket's join: nobody learns or moves the placement of a room they may not enter.
		await requireLiveAccess(getDb(), user, id.data);
		const node = getRuntime().cluster;
		if (!node) return json({ node: null }, { headers: { 'cache-control': 'no-store' } });
		const placement = await node.place(id.data);
		return json({ node: placement.nodeId }, { headers: { 'cache-control': 'no-store' } });
	} catch (error) {
		if (error instanceof DomainError) return problem(error.status, error.code, liveErrorMessage(error));
		if (error instanceof ClusterUnavailableError)
			return problem(503, 'cluster_unavailable', m.cluster_unavailable(), { 'retry-after': '1' });
		event.locals.log.error({ err: error }, 'live room placement failed');
		return problem(500, 'internal', m.error_unexpected());
	}
};
