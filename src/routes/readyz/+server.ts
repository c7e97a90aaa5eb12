import { json } from '@sveltejs/kit';
import { sql } from 'kysely';
import type { RequestHandler } from './$types';
import { getDb, getLogger } from '$lib/server/runtime';

export const GET: RequestHandler = async () => {
	try {
		await sql`select 1`.execute(getDb());
		return json({ status: 'ready', database: 'ok' });
	} catch (error) {
		getLogger().warn({ err: error }, 'readiness check failed');
		return json({ status: 'not_ready', database: 'unreachable' }, { status: 503 });
	}
};
