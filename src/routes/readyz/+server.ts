// Readiness for a load balancer or supervisor: 200 when every named check is "ok", else 503 naming
// what is not (`{ status, checks: { accepting, database, listen, … } }`).
import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { tryGetRuntime } from '$lib/server/runtime';
import { checkReadiness } from '$lib/server/readiness';

const noStore = { 'cache-control': 'no-store' };

export const GET: RequestHandler = async () => {
	const runtime = tryGetRuntime();
	if (!runtime) return json({ status: 'not_ready', checks: { runtime: 'stopped' } }, { status: 503, headers: noStore });
	const { ready, checks } = await checkReadiness(runtime.readiness);
	if (!ready) runtime.logger.warn({ checks }, 'readiness check failed');
	return json({ status: ready ? 'ready' : 'not_ready', checks }, { status: ready ? 200 : 503, headers: noStore });
};
