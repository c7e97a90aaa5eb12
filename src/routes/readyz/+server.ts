import { json } from '@sveltejs/kit';
import { sql } from 'kysely';
import type { RequestHandler } from './$types';
import { getDb, getLogger } from '$lib/server/runtime';
import { clusterReadiness } from '$lib/server/cluster/readiness';

export const GET: RequestHandler = async () => {
	try {
		await sql`select 1`.execute(getDb());
	} catch (error) {
		getLogger().warn({ err: error }, 'readiness check failed');
		return json({ status: 'not_ready', database: 'unreachable' }, { status: 503 });
	}
	const cluster = clusterReadiness();
	if (!cluster.ok) return json({ status: 'not_ready', database: 'ok', cluster: 'no_heartbeat' }, { status: 503 });
	return json({ status: 'ready', database: 'ok' });
};
